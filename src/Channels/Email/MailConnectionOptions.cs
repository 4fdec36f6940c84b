using System.ComponentModel.DataAnnotations;
using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Channels;

namespace ContactCenter.Channels.Email;

/// <summary>Connection settings shared by the IMAP and POP3 channels.</summary>
public abstract class MailConnectionOptions : ChannelOptions
{
    [Required(ErrorMessage = "required")]
    public string Host { get; set; } = "";

    /// <summary>
    /// A PEC (certified e-mail) mailbox: tickets are counted as PEC, the provider's envelope is opened to the sender's
    /// original message, and PEC receipts (X-Ricevuta) open no ticket. Only set it on a real PEC mailbox: on any other,
    /// the PEC headers would be anyone's to forge.
    /// </summary>
    public bool Pec { get; set; }

    /// <summary>Spam and sender-authentication verdicts to trust or ask for (see <see cref="Screening.MailScreeningOptions"/>).</summary>
    public Screening.MailScreeningOptions? Screening { get; set; }

    /// <summary>0 means the protocol's default for <see cref="Security"/> (993/143, 995/110).</summary>
    [Range(0, 65535, ErrorMessage = "Port must be 1 to 65535 (0 or unset: the default port for Security).")]
    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.SslOnConnect;

    [Required(ErrorMessage = "required")]
    public string User { get; set; } = "";

    /// <summary>Password (default) or OAuth2 (a token from <see cref="OAuth2"/> over SASL XOAUTH2/OAUTHBEARER).</summary>
    public MailAuthentication Auth { get; set; } = MailAuthentication.Password;

    /// <summary>Where the tokens come from when <see cref="Auth"/> is OAuth2.</summary>
    public OAuth2Options? OAuth2 { get; set; }

    /// <summary>The password itself; prefer <see cref="PasswordFile"/> or <see cref="PasswordEnvironmentVariable"/>.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// A file holding the password (read at every connect, trimmed). A relative name is looked up first in
    /// <c>$CREDENTIALS_DIRECTORY</c> (systemd <c>LoadCredential=</c>), then relative to the working directory.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>An environment variable holding the password.</summary>
    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>Skips certificate validation: an explicit opt-out, logged as a warning at every connect.</summary>
    public bool AcceptInvalidCertificates { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>First wait after a failed connect; doubled after each further failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Messages delivered before this day are ignored and never touched.</summary>
    public DateOnly? ImportSince { get; set; }
}
