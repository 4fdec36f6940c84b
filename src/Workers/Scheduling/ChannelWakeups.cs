using System.Collections.Concurrent;

namespace ContactCenter.Workers.Scheduling;

/// <summary>
/// At most one pushed poll waiting per channel: a burst of IMAP IDLE notices while a poll runs becomes one more poll
/// after it, not one per message.
/// </summary>
internal sealed class ChannelWakeups
{
    private readonly ConcurrentDictionary<string, byte> pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True when no wake-up is waiting yet for <paramref name="channel"/>: the caller triggers the poll.</summary>
    public bool TryRequest(string channel) => pending.TryAdd(channel, 0);

    /// <summary>A poll of <paramref name="channel"/> starts: it will see whatever the waiting wake-up announced.</summary>
    public void PollStarting(string channel) => pending.TryRemove(channel, out _);
}
