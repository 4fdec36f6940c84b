namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// A private temporary copy of a stream that cannot tell its length (owner-only, deleted on close), so a large blob
/// reaches the server from disk rather than from memory.
/// </summary>
internal static class BlobSpool
{
    public static async Task<FileStream> CopyAsync(Stream content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var spool = new FileStream(Path.Combine(Path.GetTempPath(), $"cc-blob-{Guid.NewGuid():N}.tmp"), options);
        try
        {
            await content.CopyToAsync(spool, cancellationToken).ConfigureAwait(false);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            await spool.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
