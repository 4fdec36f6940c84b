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
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageUnavailableException or IOException or TimeoutException or SocketException or ObjectDisposedException
                or OperationCanceledException or DbException { IsTransient: true } || IsDatabaseFault(e))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A database error whose SQLSTATE class speaks of the server, not of the data: only data exceptions (22),
    /// integrity constraints (23) and program limits (54, a row too large) can be an item's doing. A lost or unreadable
    /// file (58P01), a revoked privilege (42501), a read-only database (25006) or a corrupt page (XX001) is not, and an
    /// item quarantined for it would only have to be released again by hand.
    /// </summary>
    private static bool IsDatabaseFault(Exception e) =>
        e is DbException { SqlState: { Length: 5 } state } && state[..2] is not ("22" or "23" or "54");
}
