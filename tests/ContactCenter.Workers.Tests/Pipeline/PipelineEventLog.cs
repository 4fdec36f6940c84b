namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>What the source and the store did, in the order they did it, across threads.</summary>
internal sealed class PipelineEventLog
{
    private readonly List<string> events = [];
    private readonly Lock gate = new();

    public void Add(string what)
    {
        lock (gate)
        {
            events.Add(what);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (gate)
        {
            return [.. events];
        }
    }

    public int IndexOf(string what) => Snapshot().ToList().IndexOf(what);
}
