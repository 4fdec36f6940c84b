namespace ContactCenter.Workers.Backoffice;

/// <summary>One channel in <c>status</c>: poll figures from the running service, ticket figures from the store.</summary>
internal sealed record ChannelStatusRow
{
    public string Name { get; init; } = "";
    public string? Type { get; init; }
    public bool Configured { get; init; }
    public DateTimeOffset? LastSuccessAt { get; init; }
    public DateTimeOffset? LastErrorAt { get; init; }
    public string? LastError { get; init; }
    public DateTimeOffset? FailingSince { get; init; }
    public int ConsecutiveFailures { get; init; }
    public int? ItemsToday { get; init; }
    public int Tickets { get; init; }
    public int OpenTickets { get; init; }
    public int TicketsToReview { get; init; }

    /// <summary>Open, not suspended, past their due date.</summary>
    public int OverdueTickets { get; init; }
    public string? LastTicketNumber { get; init; }
    public DateTimeOffset? LastTicketAt { get; init; }

    /// <summary>The OAuth2 login's token and secret expiry and last refresh failure; null for a password login.</summary>
    public ContactCenter.Channels.OAuth.OAuth2Status? OAuth2 { get; init; }

    /// <summary>The mailbox's quota as its IMAP server last reported it; null without the QUOTA extension (and for other channels).</summary>
    public ContactCenter.Channels.Email.MailboxQuota? MailboxQuota { get; init; }

    /// <summary>With a cluster: the node polling this channel now, or the one that polled it last.</summary>
    public string? Node { get; init; }
}
