namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    private async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ReopenAfterFault();
            try
            {
                return work();
            }
            catch (Exception ex) when (_engineFault is null && RaisedInLiteDb(ex))
            {
                CloseAfterFault(ex);
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task RunAsync(Action work, CancellationToken cancellationToken) =>
        RunAsync(() => { work(); return true; }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, then makes it durable. LiteDB 5 appends a commit to the -log
    /// file without fsync (LiteDB issue 2818). Checkpoint() copies the confirmed log pages into the data file through
    /// DiskService.Write, which ends with Stream.FlushToDisk(): FileStream.Flush(true), an fsync on Linux
    /// (LiteDB 5.0.x source, WalIndexService.CheckpointInternal; seen with strace: Commit issues no fsync, Checkpoint
    /// one on the data file). Only then is the log truncated, so after this returns the data file alone holds the
    /// batch. The checkpoint also runs when nothing was written, to finish one that failed before.
    /// </summary>
    private T Durably<T>(Func<T> work)
    {
        if (!_db.BeginTrans())
        {
            throw new InvalidOperationException("A LiteDB transaction is already open on this thread.");
        }

        T result;
        try
        {
            result = work();
            _db.Commit();
        }
        catch
        {
            RollBack();
            throw;
        }

        _db.Checkpoint();
        return result;
    }

    private void Durably(Action work) => Durably(() => { work(); return true; });

    /// <summary>
    /// A rollback writes to the log too (the pages the transaction took go back to the free list), so on a full disk it
    /// fails like the commit before it; its transaction then stays open with its locks until the engine is closed.
    /// The failure that started it is the one the caller gets.
    /// </summary>
    private void RollBack()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception rollbackFailure)
        {
            CloseAfterFault(rollbackFailure);
        }
    }
}
