using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Cli.Status;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Free space under the folders the store writes, and under the system temp folder (OCR work files, large blobs read
/// back from PostgreSQL: on a cluster node the only local folder), read from the file system at each call (statvfs:
/// no store access, cheap enough for every scrape and health check). A folder not made yet is measured where it would be.
/// </summary>
internal sealed class DiskSpace(ServiceFolders folders)
{
    public IEnumerable<(string Subject, string Key, string Path, long FreeBytes)> Read()
    {
        foreach (var (subject, key, path) in folders.StoreFolders().Append(("temp", "TMPDIR (the system temp folder)", Path.GetTempPath())))
        {
            if (FreeBytes(path) is { } free)
            {
                yield return (subject, key, path, free);
            }
        }
    }

    /// <summary>What is short of <paramref name="minFreeBytes"/>, one line per folder, naming the key to change.</summary>
    public IEnumerable<string> Shortages(long minFreeBytes) => minFreeBytes <= 0
        ? []
        : Read().Where(f => f.FreeBytes < minFreeBytes).Select(f =>
            $"{f.Subject}: {StatusFormat.Bytes(f.FreeBytes)} free under {f.Path}, below {ControlOptions.SectionName}:{nameof(ControlOptions.MinFreeDiskBytes)} " +
            $"({StatusFormat.Bytes(minFreeBytes)}): free space, or new items will wait at their sources once the disk is full");

    private static long? FreeBytes(string path)
    {
        var existing = Path.GetFullPath(path);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            existing = parent;
        }

        try
        {
            return new DriveInfo(existing).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null; // the folder checks report a folder that cannot be used
        }
    }
}
