namespace ContactCenter.Channels.Email.Screening;

/// <summary>
/// <c>Channels:{name}:Screening</c> of a mail channel: which verdicts of our own MTA to trust and whether to ask the spam
/// engine. Nothing is trusted by default: any header is anyone's to forge unless our MTA is known to add it.
/// </summary>
public sealed class MailScreeningOptions
{
    /// <summary>
    /// The authserv-ids our MTA writes in <c>Authentication-Results</c> (e.g. <c>mx.regione.example.it</c>); only the
    /// top-most header carrying one of them is read; any other authserv-id is ignored.
    /// </summary>
    public List<string> TrustedAuthServIds { get; set; } = [];

    /// <summary>The spam headers our MTA adds, if any.</summary>
    public MtaSpamHeaders SpamHeaders { get; set; } = MtaSpamHeaders.None;

    /// <summary>Ask rspamd (<c>ContactCenter:Spam:Rspamd</c>) about every message of this channel.</summary>
    public bool Rspamd { get; set; }

    /// <summary>At or over this score the message is held as spam; default <c>ContactCenter:Spam:QuarantineScore</c>.</summary>
    public double? QuarantineScore { get; set; }

    internal bool IsActive => TrustedAuthServIds.Count > 0 || SpamHeaders != MtaSpamHeaders.None || Rspamd;
}
