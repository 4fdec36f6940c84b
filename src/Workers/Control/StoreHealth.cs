namespace ContactCenter.Workers.Control;

/// <summary>The ticket store in <c>/health</c>: unhealthy as soon as it cannot be read, with the error that says why.</summary>
internal sealed record StoreHealth(string Status, DateTimeOffset? LastOkAt, DateTimeOffset? FailingSince, string? LastError);
