using ContactCenter.Channels.Files;

namespace ContactCenter.Channels.Postal;

/// <summary>
/// The done and quarantine folders a walk of the scan folder must not enter, recognised by what they are rather than
/// how they are spelled: configured through a link, or on a case-insensitive mount where the disk says <c>Done</c>
/// and the setting <c>done</c>, the text did not match and every poll took the processed files again, moving each
/// into its own folder under a new name. By full path (ignoring case off Linux), and on Linux also by device and inode.
/// </summary>
internal sealed class ExcludedFolders
{
    private readonly HashSet<string> paths = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(uint, uint, ulong)> identities = [];

    public ExcludedFolders(IEnumerable<string> folders)
    {
        foreach (var folder in folders.Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))))
        {
            paths.Add(folder);
            if (OperatingSystem.IsLinux() && UnixFileApi.IdentityOf(folder) is { } identity)
            {
                identities.Add(identity);
            }
        }
    }

    public bool Contains(DirectoryInfo directory) =>
        paths.Contains(Path.TrimEndingDirectorySeparator(directory.FullName))
        || (identities.Count > 0 && UnixFileApi.IdentityOf(directory.FullName) is { } identity && identities.Contains(identity));
}
