namespace ContactCenter.Core.Storage.Backup;

/// <summary>
/// One <c>store backup</c> into a folder at a time. Two that overlap (a manual run while the nightly timer's runs, the
/// weekly <c>--verify</c> after a long nightly one) would each replace <c>tickets.db</c>, and one could check its
/// archive against the other's newer snapshot before it had copied the files that snapshot names, and call a sound
/// backup incomplete. The later run waits instead. The lock is the operating system's on an open file
/// (<see cref="FileShare.None"/>: <c>flock</c> on Linux), so a run that dies releases it with its process.
/// </summary>
public sealed class BackupFolderLock : IDisposable
{
    public const string FileName = ".backup.lock";

    private static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(1);
    private readonly FileStream _file;

    private BackupFolderLock(FileStream file) => _file = file;

    /// <param name="waiting">Called once, when another run holds the folder, so the caller can say why it waits.</param>
    public static async Task<BackupFolderLock> AcquireAsync(string folder, Func<Task> waiting, TimeProvider time, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileName);
        var said = false;
        while (true)
        {
            try
            {
                return new BackupFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException ex) when (IsHeldByAnother(ex))
            {
                if (!said)
                {
                    await waiting().ConfigureAwait(false);
                    said = true;
                }

                await Task.Delay(RetryEvery, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _file.Dispose();

    // Only the lock's own refusal is waited out; any other fault (a read-only or full disk) is the caller's error.
    private static bool IsHeldByAnother(IOException ex) =>
        OperatingSystem.IsWindows() ? ex.HResult == unchecked((int)0x80070020) /* ERROR_SHARING_VIOLATION */ : ex.HResult == 11 /* EWOULDBLOCK */;
}
