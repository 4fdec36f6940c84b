using System.Collections.Concurrent;

namespace ContactCenter.Channels.Email;

/// <summary>The last quota each IMAP channel's server reported, for <c>/health</c> and <c>status</c>.</summary>
public sealed class MailboxQuotaRegistry
{
    private readonly ConcurrentDictionary<string, MailboxQuota> _quotas = new(StringComparer.OrdinalIgnoreCase);

    public void Record(string channel, MailboxQuota quota) => _quotas[channel] = quota;

    /// <summary>Null for a channel whose server has no QUOTA extension (or POP3), or before its first poll.</summary>
    public MailboxQuota? Of(string channel) => _quotas.GetValueOrDefault(channel);

    /// <summary>Every channel's last reading, for the metrics.</summary>
    public IEnumerable<KeyValuePair<string, MailboxQuota>> All => _quotas;
}
