namespace ContactCenter.Core.Screening;

/// <summary>
/// Metadata keys of the spam and sender-authentication verdicts (stable: the backoffice and scripts rely on them).
/// </summary>
public static class MailScreeningKeys
{
    /// <summary><c>clean</c>, <c>suspect</c>, <c>spam</c> or <c>unchecked</c> (see <see cref="SpamVerdict"/>).</summary>
    public const string SpamVerdict = "mail.spam.verdict";

    /// <summary>The score, invariant culture (<c>7.3</c>).</summary>
    public const string SpamScore = "mail.spam.score";

    /// <summary>Who judged: <c>rspamd</c> (the engine), <c>spamassassin-headers</c> or <c>rspamd-headers</c> (the MTA's).</summary>
    public const string SpamEngine = "mail.spam.engine";

    /// <summary>The engine's action (<c>reject</c>, <c>add header</c>, ...) when it gave one.</summary>
    public const string SpamAction = "mail.spam.action";

    /// <summary>The rules that fired, comma-separated, at most 20.</summary>
    public const string SpamSymbols = "mail.spam.symbols";

    /// <summary>Why there is no verdict when the engine could not be asked.</summary>
    public const string SpamError = "mail.spam.error";

    /// <summary>Who released the item from the spam quarantine (a false positive).</summary>
    public const string SpamReleasedBy = "mail.spam.releasedBy";

    /// <summary>The trusted authserv-id whose <c>Authentication-Results</c> was read.</summary>
    public const string AuthServId = "mail.auth.servId";

    public const string Dmarc = "mail.auth.dmarc";

    public const string Spf = "mail.auth.spf";

    public const string Dkim = "mail.auth.dkim";
}
