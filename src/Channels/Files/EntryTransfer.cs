namespace ContactCenter.Channels.Files;

/// <summary>
/// Moves or copies an entry of a folder someone else can write to. File.Move across file systems (a quarantine or
/// done folder on another mount) and File.Copy open the entry and copy what they read: through a symbolic link that is
/// the target's content (any file the service can read, copied where an admin looks), and opening a FIFO blocks for
/// ever, holding the channel's poll. Here a move is rename(2) where it can be; otherwise a regular file is copied
/// through a descriptor that follows no link and never blocks, a link is recreated as a link, and a FIFO, socket or
/// device, which holds no content, is not copied at all (a move only removes it).
/// </summary>
internal static class EntryTransfer
{
    private const int NoSuchFile = 2;

    /// <summary>Each read of a copy; a stalled network share fails the copy instead of holding the poll.</summary>
    private static readonly TimeSpan CopyReadTimeout = TimeSpan.FromMinutes(2);

    public static void Move(string path, string destination)
    {
        if (!OperatingSystem.IsLinux())
        {
            File.Move(path, destination);
            return;
        }

        if (UnixFileApi.Rename(path, destination) == 0)
        {
            return;
        }

        var errno = UnixFileApi.LastError;
        if (errno != UnixFileApi.CrossDevice)
        {
            throw errno == NoSuchFile
                ? new FileNotFoundException($"{Path.GetFileName(path)} vanished.", path)
                : new IOException($"Cannot move {Path.GetFileName(path)} to {destination} (errno {errno}).");
        }

        CopyEntry(path, destination);
        File.Delete(path);
    }

    public static void Copy(string path, string destination)
    {
        if (!OperatingSystem.IsLinux())
        {
            File.Copy(path, destination);
            return;
        }

        CopyEntry(path, destination);
    }

    private static void CopyEntry(string path, string destination)
    {
        switch (UnixFileApi.KindOf(path))
        {
            case FileEntryKind.Regular:
                CopyRegular(path, destination);
                break;
            case FileEntryKind.SymbolicLink:
                File.CreateSymbolicLink(destination, new FileInfo(path).LinkTarget!);
                break;
            case null:
                throw new FileNotFoundException($"{Path.GetFileName(path)} vanished.", path);
            default:
                break;
        }
    }

    private static void CopyRegular(string path, string destination)
    {
        var rules = new SourceFileRules(Path.GetDirectoryName(path)!, FollowSymlinks: false, CopyReadTimeout, "");
        using var source = SourceFiles.OpenRead(path, rules);
        using var target = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
        source.CopyTo(target);
        target.Flush(flushToDisk: true);
    }
}
