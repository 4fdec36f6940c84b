using ContactCenter.Core.Storage.Backup;

namespace ContactCenter.Workers.Cli.Store;

/// <summary>
/// A snapshot of the LiteDB store for <c>store verify</c> (from the service when it runs, as <c>store backup</c> takes
/// it) in a private temporary folder, deleted when disposed.
/// </summary>
internal sealed class VerifySnapshot : IDisposable
{
    private readonly DirectoryInfo folder;

    private VerifySnapshot(DirectoryInfo folder) => this.folder = folder;

    public string DatabasePath => Path.Combine(folder.FullName, StoreSnapshotFile.FileName);

    public static async Task<VerifySnapshot> TakeAsync(CliSession session, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("contactcenter-verify-");
        try
        {
            await StoreSnapshotDownload.WriteAsync(session, folder.FullName, cancellationToken).ConfigureAwait(false);
            return new VerifySnapshot(folder);
        }
        catch
        {
            folder.Delete(recursive: true);
            throw;
        }
    }

    public void Dispose() => folder.Delete(recursive: true);
}
