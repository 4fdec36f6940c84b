using ContactCenter.Channels.Files;

namespace ContactCenter.Channels.Email;

/// <summary>Lists the deliverable files of a mail-drop folder, oldest first.</summary>
internal static class MailDropFiles
{
    public static List<FileInfo> List(string path)
    {
        var root = new DirectoryInfo(path);
        var maildirNew = new DirectoryInfo(Path.Combine(path, "new"));
        var maildirCur = new DirectoryInfo(Path.Combine(path, "cur"));

        // A Maildir's files have no extension; a plain folder holds .eml files next to other things.
        IEnumerable<FileInfo> files = IsMaildir(path)
            ? new[] { maildirNew, maildirCur }.Where(d => d.Exists).SelectMany(d => d.EnumerateFiles())
            : root.EnumerateFiles("*.eml", new EnumerationOptions { MatchCasing = MatchCasing.CaseInsensitive });

        return files.Where(f => !IsHiddenOrTemporary(f.Name))
            .OrderBy(SourceFiles.LastWriteUtc)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A Maildir (<c>new/</c> or <c>cur/</c> present): its files are complete when they appear.</summary>
    public static bool IsMaildir(string path) =>
        Directory.Exists(Path.Combine(path, "new")) || Directory.Exists(Path.Combine(path, "cur"));

    /// <summary>Files still being written or left by editors: dot files, <c>~</c> backups, <c>.tmp</c>/<c>.part</c>.</summary>
    public static bool IsHiddenOrTemporary(string name) =>
        name.StartsWith('.') || name.StartsWith('~') || name.EndsWith('~')
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".part", StringComparison.OrdinalIgnoreCase);
}
