namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>The files under a folder (relative paths), to see what a run created.</summary>
internal static class FileTreeSnapshot
{
    public static HashSet<string> Take(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 })
                .Select(f => Path.GetRelativePath(root, f)).ToHashSet(StringComparer.Ordinal)
            : [];
}
