using ContactCenter.Core.Storage;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// One process owns the LiteDB file (ARCHITECTURE.md, "Who touches the store"). LiteDB's own file sharing does not
/// exclude a second process on Linux, so the owner holds an exclusive lock on <c>{database}.lock</c>; the operating
/// system releases it when the process ends, even on <c>kill -9</c>.
/// </summary>
internal sealed class StoreProcessLock : IDisposable
{
    private readonly FileStream stream;

    private StoreProcessLock(FileStream stream) => this.stream = stream;

    public static StoreProcessLock Acquire(StoreOptions options)
    {
        var database = Path.GetFullPath(options.ResolvedDatabasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        try
        {
            return new StoreProcessLock(new FileStream(database + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex)
        {
            throw new StoreLockedException(database, ex);
        }
    }

    public void Dispose() => stream.Dispose();
}
