namespace ContactCenter.Core.Intake;

/// <summary>A batch of items fetched together; the pipeline stores it durably before acknowledging any of it.</summary>
public sealed class InboundBatch
{
    public InboundBatch(IReadOnlyList<InboundItem> items, int remaining = 0)
    {
        Items = items;
        Remaining = remaining;
    }

    public IReadOnlyList<InboundItem> Items { get; }

    /// <summary>How many pending items the source still knows of after this batch (for progress reports).</summary>
    public int Remaining { get; }
}
