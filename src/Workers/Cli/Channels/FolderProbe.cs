using Microsoft.Extensions.Configuration;

namespace ContactCenter.Workers.Cli.Channels;

/// <summary>
/// Checks the folders a file channel reads from and writes to, as the service user would use them: a source folder
/// must exist and be readable (and writable when files are moved out of it); a target folder must be writable, or
/// creatable when it does not exist yet. A probe file is created and deleted; nothing else is touched.
/// </summary>
internal static class FolderProbe
{
    private static readonly string[] TargetKeys = ["DonePath", "QuarantinePath", "ProcessedStatePath", "StateDirectory"];

    public static IEnumerable<CheckResult> Check(IConfigurationSection section, string type)
    {
        var subject = $"{section.Key} ({type})";
        var sources = new List<(string Key, string Path)>();
        if (section["Path"] is { Length: > 0 } path)
        {
            sources.Add(($"{section.Path}:Path", path));
        }

        sources.AddRange(section.GetSection("Paths").GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).Select(c => (c.Path, c.Value!)));
        var readOnlySpool = type.Equals("FaxSpool", StringComparison.OrdinalIgnoreCase) && !section.GetValue<bool>("MoveAfterImport");
        foreach (var (key, folder) in sources)
        {
            yield return Source(subject, key, folder, needsWrite: !readOnlySpool);
        }

        foreach (var key in TargetKeys)
        {
            if (section[key] is { Length: > 0 } target)
            {
                yield return Target(subject, $"{section.Path}:{key}", target);
            }
            else if (sources.Count > 0 && key is "DonePath" or "QuarantinePath" && !type.Equals("FaxSpool", StringComparison.OrdinalIgnoreCase))
            {
                var fallback = Path.Combine(sources[0].Path, key == "DonePath" ? "done" : "quarantine");
                yield return Target(subject, $"{section.Path}:{key} (default)", fallback);
            }
        }
    }

    public static CheckResult Source(string subject, string key, string folder, bool needsWrite)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            return CheckResult.Fail(subject, $"{full} does not exist: create it or fix {key}.");
        }

        try
        {
            var count = Directory.EnumerateFileSystemEntries(full).Count();
            if (needsWrite && WriteProbe(full) is { } error)
            {
                return CheckResult.Fail(subject, $"{full} is readable but not writable ({error}): give the service user write access ({key}).");
            }

            return CheckResult.Ok(subject, $"{full} readable{(needsWrite ? " and writable" : "")}, {count} entr{(count == 1 ? "y" : "ies")}");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return CheckResult.Fail(subject, $"{full} is not readable ({ex.Message}): give the service user read access ({key}).");
        }
    }

    public static CheckResult Target(string subject, string key, string folder)
    {
        var full = Path.GetFullPath(folder);
        var existing = full;
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent)
        {
            if (File.Exists(existing))
            {
                return CheckResult.Fail(subject, $"{existing} is a file, so the folder {full} cannot be created: fix {key} or move the file.");
            }

            existing = parent;
        }

        var error = WriteProbe(existing);
        if (error is not null)
        {
            return CheckResult.Fail(subject, $"{existing} is not writable ({error}): {key} needs write access for the service user.");
        }

        return CheckResult.Ok(subject, existing == full ? $"{full} writable" : $"{full} does not exist yet; it will be created in {existing}");
    }

    private static string? WriteProbe(string folder)
    {
        var probe = Path.Combine(folder, $".contactcenter-check-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return ex.Message;
        }
    }
}
