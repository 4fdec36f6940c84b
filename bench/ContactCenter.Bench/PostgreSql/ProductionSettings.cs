namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// The bench's private cluster set as a production server would be, where the test fixture's differ: the fixture runs
/// with 32 MB of shared_buffers (and so 1 MB of wal_buffers) to stay light beside the tests, which made every backend
/// write WAL and evict dirty pages itself while archiving originals (a dedicated server gives PostgreSQL about a
/// quarter of its memory). 512 MB here, and wal_buffers follows at its automatic 16 MB. The data pages that then stay
/// in memory are written by the checkpoint the rows run after the timed part, and counted in the server's CPU.
/// </summary>
internal static class ProductionSettings
{
    public const string Summary = "the bench's cluster set as a production server: shared_buffers 512 MB (wal_buffers 16 MB), the server CPU including a checkpoint after the run";

    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> more)
    {
        var settings = new Dictionary<string, string> { ["shared_buffers"] = "512MB" };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }
}
