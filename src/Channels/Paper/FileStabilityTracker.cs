namespace ContactCenter.Channels.Paper;

/// <summary>
/// Remembers, between polls, when each file was first seen with its current size and modification time. A file is
/// stable once both have stayed the same for the configured time: a scanner or a copy over a share is then done.
/// A file first seen already untouched for that long (by its modification time) is stable at once, so files present
/// at start and <c>ingest --once</c> need no second look; this trusts the clock of the machine writing the file.
/// </summary>
internal sealed class FileStabilityTracker(TimeProvider time, TimeSpan stableFor)
{
    private readonly Dictionary<string, Observation> seen = new(StringComparer.Ordinal);

    public bool IsStable(string path, long size, DateTime lastWriteUtc)
    {
        var now = time.GetUtcNow();
        if (seen.TryGetValue(path, out var before) && before.Size == size && before.LastWriteUtc == lastWriteUtc)
        {
            return now - before.FirstSeen >= stableFor;
        }

        var firstSight = !seen.ContainsKey(path);
        seen[path] = new Observation(size, lastWriteUtc, now);
        return stableFor <= TimeSpan.Zero || (firstSight && now - new DateTimeOffset(lastWriteUtc, TimeSpan.Zero) >= stableFor);
    }

    public void Forget(string path) => seen.Remove(path);

    /// <summary>Drops what is known of files no longer present, so the memory follows the folder.</summary>
    public void KeepOnly(IReadOnlySet<string> present)
    {
        foreach (var path in seen.Keys.Where(p => !present.Contains(p)).ToList())
        {
            seen.Remove(path);
        }
    }

    private sealed record Observation(long Size, DateTime LastWriteUtc, DateTimeOffset FirstSeen);
}
