namespace ContactCenter.Workers.Scheduling;

/// <summary>A channel's health as the scheduler sees it; replaced as a whole on every poll.</summary>
public sealed record ChannelStatus(string Channel)
{
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastError { get; init; }
    public int ConsecutiveFailures { get; init; }

    /// <summary>First failure of the current run of failures (null after a success); /health judges by it.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>No poll before this instant (exponential backoff after consecutive failures).</summary>
    public DateTimeOffset? BackoffUntil { get; init; }

    /// <summary>Items settled today (local date of <see cref="ItemsDay"/>): each once, however many failed polls fetched it.</summary>
    public int ItemsToday { get; init; }
    public DateOnly ItemsDay { get; init; }
}
