namespace ContactCenter.Workers.Control;

/// <summary>One channel in <c>/health</c>; <see cref="FailingSince"/> is the first failure of the current run of failures.</summary>
internal sealed record ChannelHealth(
    string Channel,
    string Status,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    DateTimeOffset? FailingSince,
    int ConsecutiveFailures)
{
    /// <summary>The OAuth2 login's token and secret expiry and last refresh failure; null for a password login.</summary>
    public ContactCenter.Channels.OAuth.OAuth2Status? OAuth2 { get; init; }

    /// <summary>The mailbox's quota as its IMAP server last reported it; null without the QUOTA extension (and for other channels).</summary>
    public ContactCenter.Channels.Email.MailboxQuota? MailboxQuota { get; init; }

    /// <summary>What is wrong with the channel's folders (missing, unreadable, not writable), each naming its key.</summary>
    public IReadOnlyList<string> Folders { get; init; } = [];
}
