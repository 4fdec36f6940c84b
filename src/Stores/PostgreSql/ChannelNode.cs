namespace ContactCenter.Stores.PostgreSql;

/// <summary>The node polling a channel now, or the one that polled it last.</summary>
public sealed record ChannelNode(string Node, bool PollingNow, DateTimeOffset? LastPollAt);
