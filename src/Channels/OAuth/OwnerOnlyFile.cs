namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Writes a small secret file readable by its owner only (0600 in a 0700 folder on Unix), replaced atomically: a temp
/// file beside it, flushed to disk, then renamed over it, so a crash or a second process reading at the same moment
/// sees the old content or the new, never half of one. Written by root into a folder another user owns (the admin's
/// <c>channels check</c> in the service's data folder), the file and a folder it made go to that folder's owner: a
/// root-only file there was one the service could not read, and it then logged in with a token the server had retired.
/// </summary>
internal static class OwnerOnlyFile
{
    private const UnixFileMode FileMode600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var created = !Directory.Exists(folder);
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
            GiveToTheDataFolderOwner(folder, path, created);
        }
        finally
        {
            // Gone after the rename; left only when writing failed.
            File.Delete(temporary);
        }
    }

    private static void GiveToTheDataFolderOwner(string folder, string path, bool createdFolder)
    {
        if (!Files.UnixOwner.IsRoot || Path.GetDirectoryName(folder) is not { } parent || Files.UnixOwner.Of(parent) is not { Uid: not 0 } owner)
        {
            return;
        }

        // The folder too when this run made it, or an earlier root run left it root's (0700: the service could not enter).
        var giveFolder = createdFolder || Files.UnixOwner.Of(folder) is { Uid: 0 };
        if ((giveFolder && !Files.UnixOwner.Give(folder, owner)) || !Files.UnixOwner.Give(path, owner))
        {
            throw new IOException($"could not give {path} to user {owner.Uid} (errno {Files.UnixFileApi.LastError})");
        }
    }
}
