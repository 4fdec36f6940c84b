namespace ContactCenter.Bench.Memory;

/// <summary>One reading; the database size is there to tell LiteDB's page cache (which follows the file) from a leak.</summary>
internal sealed record Snapshot(int Messages, long RssBytes, long HeapBytes, long CommittedBytes, long DatabaseBytes)
{
    public static Snapshot Take(int messages, string database)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var info = GC.GetGCMemoryInfo();
        return new Snapshot(messages, ProcessMemory.Rss(), info.HeapSizeBytes, info.TotalCommittedBytes, new FileInfo(database).Length);
    }
}
