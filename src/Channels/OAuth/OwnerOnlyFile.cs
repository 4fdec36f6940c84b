namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Writes a small secret file readable by its owner only (0600 in a 0700 folder on Unix), replaced atomically: a temp
/// file beside it, flushed to disk, then renamed over it, so a crash or a second process reading at the same moment
/// sees the old content or the new, never half of one.
/// </summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // The mode applies only when the folder is created; an existing one is the operator's choice.
            Directory.CreateDirectory(folder, FolderMode700);
        }

        // A name of its own, so two processes saving at once never write into the same temp file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode600;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            // Gone after the rename; left only when writing failed.
            File.Delete(temporary);
        }
    }
}
