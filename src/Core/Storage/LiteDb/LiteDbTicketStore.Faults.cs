using System.Diagnostics;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// LiteDB 5 cannot go on after a write to its files failed (a full disk, a failing one). A commit that failed midway
/// leaves its transaction open, and so does a rollback that failed after it: the transaction keeps its collection
/// locks, so every later write waited a minute for them and failed, and the service stayed stuck after the disk was
/// freed and could not stop. An I/O error in one of LiteDB's own implicit transactions closes its engine for good. So
/// after such a failure the engine is closed, which drops the open transaction, and the next operation opens it again
/// from the files, as a restart would: the log's unconfirmed pages are ignored and its committed ones kept.
/// </summary>
internal sealed partial class LiteDbTicketStore
{
    private Exception? _engineFault;

    private void CloseAfterFault(Exception fault)
    {
        _engineFault = fault;
        StoreLog.ClosedAfterFault(_logger, _path, fault);
        try
        {
            LiteDbFailedTransactions.ForgetBeforeClosing(_db);
            _db.Dispose();
        }
        catch (Exception closing)
        {
            StoreLog.CloseAfterFaultFailed(_logger, _path, closing);
        }
    }

    private void ReopenAfterFault()
    {
        if (_engineFault is null)
        {
            return;
        }

        // Opening writes nothing (LiteDB reads its log's committed pages into its index), so on a disk still full the
        // tickets can be read meanwhile; the next write's checkpoint finishes the one that failed.
        _db = Open(_path);
        _c = new StoreCollections(_db);
        StoreLog.ReopenedAfterFault(_logger, _path, _engineFault.Message);
        _engineFault = null;
    }

    /// <summary>A file system's refusal met inside LiteDB; not, say, a backup's copy failing on its own target.</summary>
    private static bool RaisedInLiteDb(Exception exception) =>
        StorageUnavailableException.IsFileSystemFault(exception)
        && new StackTrace(exception).GetFrames().Any(f => f.GetMethod()?.DeclaringType?.Assembly == typeof(LiteDatabase).Assembly);
}
