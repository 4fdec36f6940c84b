namespace ContactCenter.Channels.Email.Screening;

/// <summary>Which spam verdict headers the channel's MTA adds (and strips from incoming mail), if any.</summary>
public enum MtaSpamHeaders
{
    None,

    /// <summary><c>X-Spam-Flag</c>, <c>X-Spam-Status</c>, <c>X-Spam-Score</c>.</summary>
    SpamAssassin,

    /// <summary><c>X-Spamd-Result</c> (rspamd's milter).</summary>
    Rspamd,
}
