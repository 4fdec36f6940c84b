namespace ContactCenter.Core.Statistics;

/// <summary>The figures of a period: totals, breakdowns and response times. Holds no personal data.</summary>
public sealed record TicketStatistics(
    DateOnly? From,
    DateOnly? To,
    DateTimeOffset ComputedAt,
    CountRow Total,
    IReadOnlyList<CountRow> ByChannel,
    IReadOnlyList<CountRow> ByLevel,
    IReadOnlyList<CountRow> ByCategory,
    IReadOnlyList<CountRow> ByMonth,
    DurationSummary TimeToReceipt,
    DurationSummary TimeToClosure)
{
    /// <summary>Mail held as spam in the period (released items are tickets and count as such): never a request.</summary>
    public int Spam { get; init; }
}
