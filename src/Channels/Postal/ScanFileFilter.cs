namespace ContactCenter.Channels.Postal;

/// <summary>Which files and folders a scan-folder poll ignores: hidden, temporary, or not a document type.</summary>
internal static class ScanFileFilter
{
    private static readonly HashSet<string> TemporaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".swp",
    };

    public static bool IsHidden(FileSystemInfo entry) =>
        entry.Name.StartsWith('.')
        || (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0;

    public static bool IsTaken(FileInfo file, IReadOnlyList<string> extensions) =>
        !IsHidden(file)
        && !file.Name.StartsWith('~') // "~$letter.pdf" and other editors' lock or temp files
        && !TemporaryExtensions.Contains(file.Extension)
        && extensions.Contains(file.Extension, StringComparer.OrdinalIgnoreCase);
}
