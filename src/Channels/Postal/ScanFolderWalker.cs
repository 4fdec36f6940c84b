using ContactCenter.Channels.Files;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Postal;

/// <summary>
/// Lists the candidate files under the configured folders, recursively, skipping hidden folders, linked folders and
/// the done/ and quarantine/ folders. Linked files and other entries that are not regular files are listed: the source
/// refuses them, so they are quarantined with their reason instead of lying there unexplained. A folder that is missing or unreadable (a share that is down) is logged and skipped.
/// </summary>
internal sealed class ScanFolderWalker(ScanFolderChannelOptions options, ILogger logger)
{
    private const int MaxDepth = 8;

    public List<ScanFile> Find()
    {
        var files = new List<ScanFile>();
        foreach (var configured in options.Paths)
        {
            var root = Path.GetFullPath(configured);
            if (!Directory.Exists(root))
            {
                ScanFolderLog.FolderMissing(logger, root);
                continue;
            }

            var excluded = new ExcludedFolders([options.EffectiveDonePath, options.QuarantinePathFor(root)]);
            Walk(root, new DirectoryInfo(root), 0, excluded, files);
        }

        return files;
    }

    private void Walk(string root, DirectoryInfo directory, int depth, ExcludedFolders excluded, List<ScanFile> files)
    {
        try
        {
            foreach (var file in directory.EnumerateFiles())
            {
                if (ScanFileFilter.IsTaken(file, options.EffectiveExtensions))
                {
                    var relative = Path.GetRelativePath(root, directory.FullName);
                    files.Add(new ScanFile(
                        root, file.FullName, relative == "." ? "" : relative.Replace('\\', '/'), file.Length, SourceFiles.LastWriteUtc(file)));
                }
            }

            if (depth >= MaxDepth)
            {
                return;
            }

            foreach (var child in directory.EnumerateDirectories())
            {
                if (!ScanFileFilter.IsHidden(child) && child.LinkTarget is null && !excluded.Contains(child))
                {
                    Walk(root, child, depth + 1, excluded, files);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ScanFolderLog.FolderUnreadable(logger, directory.FullName, ex.Message);
        }
    }
}
