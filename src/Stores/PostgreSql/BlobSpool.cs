namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// A private temporary copy of a stream that cannot tell its length (owner-only, deleted on close), so a large blob
/// reaches the server from disk rather than from memory.
/// </summary>
internal static class BlobSpool
{
    /// <summary>An empty one, written in whole chunks (<see cref="SpooledBlob"/>) and read back asynchronously.</summary>
    public static FileStream CreateEmpty() => Create(FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    public static async Task<FileStream> CopyAsync(Stream content, CancellationToken cancellationToken)
    {
        var spool = CreateEmpty();
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

    /// <summary>The same, synchronously (for <c>IContentArchive.OpenRead</c>).</summary>
    public static Stream Copy(Stream content)
    {
        var spool = Create(FileOptions.DeleteOnClose);
        try
        {
            content.CopyTo(spool);
            spool.Position = 0;
            return spool;
        }
        catch
        {
            spool.Dispose();
            throw;
        }
    }

    private static FileStream Create(FileOptions fileOptions)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = fileOptions };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path.Combine(Path.GetTempPath(), $"cc-blob-{Guid.NewGuid():N}.tmp"), options);
    }
}
