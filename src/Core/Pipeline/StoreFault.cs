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
                or OperationCanceledException or DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}
