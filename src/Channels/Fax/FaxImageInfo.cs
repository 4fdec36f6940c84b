namespace ContactCenter.Channels.Fax;

/// <summary>What a received fax file says about its sender and when it arrived.</summary>
internal sealed record FaxImageInfo(FaxSenderInfo Sender, DateTimeOffset? ReceivedAt)
{
    public static readonly FaxImageInfo Unknown = new(FaxSenderInfo.Unknown, null);

    /// <summary>Fields of <paramref name="other"/> fill the ones this one lacks.</summary>
    public FaxImageInfo Or(FaxImageInfo other) => new(Sender.Or(other.Sender), ReceivedAt ?? other.ReceivedAt);
}
