using System.Data.Common;
using System.Net.Sockets;
using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Whether a failed dispatch says the store itself is out of order (a disk, a connection, a timeout) rather than that
/// it refused one item: then no item is to blame, and none is quarantined for it.
/// </summary>
internal static class StoreFault
{
    /// <summary>
    /// SQLSTATE classes that speak of the server, never of the data sent: connection (08), transaction state (25, a
    /// read-only database), authorization (28), catalog and schema (3D, 3F), rollback (40), privileges and schema
    /// objects (42: the statements are fixed and parameterised), resources (53, a full disk), object state (55), system
    /// (58, a lost file) and internal errors (XX, a corrupt page).
    /// </summary>
    private static readonly HashSet<string> ServerClasses = ["08", "25", "28", "3D", "3F", "40", "42", "53", "55", "58", "XX"];

    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or IOException or TimeoutException or SocketException or ObjectDisposedException
                or OperationCanceledException or DbException { IsTransient: true } || IsServerSide(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Such an error may strike one dispatch of a batch stored one by one and not the next (a page written out), so the
    /// one-by-one test would pin it on whichever item it struck. Operator intervention (57) counts too, except a
    /// cancelled statement (57014): a statement_timeout may be one huge item's doing, and is judged like any refusal.
    /// </summary>
    private static bool IsServerSide(Exception e) =>
        e is DbException { SqlState: { Length: 5 } state }
        && (ServerClasses.Contains(state[..2]) || (state.StartsWith("57", StringComparison.Ordinal) && state != "57014"));
}
