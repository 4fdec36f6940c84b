namespace ContactCenter.Core.Storage;

/// <summary>A receipt waiting to be sent; written in the same commit as its ticket.</summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    public string TicketNumber { get; set; } = "";
    public string To { get; set; } = "";
    public string Kind { get; set; } = "receipt";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the sender stopped trying (too many attempts, recipient refused, ticket gone).</summary>
    public DateTimeOffset? AbandonedAt { get; set; }

    /// <summary>Message-ID given to the receipt before the first attempt, so a resend after a crash is recognisable.</summary>
    public string? MessageId { get; set; }
}
