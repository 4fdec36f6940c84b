namespace ContactCenter.Workers.Control;

/// <summary>One channel in <c>/health</c>; <see cref="FailingSince"/> is the first failure of the current run of failures.</summary>
internal sealed record ChannelHealth(
    string Channel,
    string Status,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    DateTimeOffset? FailingSince,
    int ConsecutiveFailures);
