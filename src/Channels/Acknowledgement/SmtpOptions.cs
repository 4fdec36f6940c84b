using ContactCenter.Channels.OAuth;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary><c>ContactCenter:Smtp</c>: the relay the receipts go through.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "ContactCenter:Smtp";

    /// <summary>The relay's name among the token caches (<c>status</c>, <c>/health</c>).</summary>
    public const string OAuth2Name = "smtp";

    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Login name; no authentication when empty.</summary>
    public string? User { get; set; }

    /// <summary>Password (default) or OAuth2: a token from <see cref="OAuth2"/> over SASL XOAUTH2 as <see cref="User"/>.</summary>
    public MailAuthentication Auth { get; set; } = MailAuthentication.Password;

    /// <summary>Where the tokens come from when <see cref="Auth"/> is OAuth2.</summary>
    public OAuth2Options? OAuth2 { get; set; }

    /// <summary>Prefer <see cref="PasswordFile"/> or <see cref="PasswordEnvironmentVariable"/> to a password in a file of settings.</summary>
    public string? Password { get; set; }

    /// <summary>A file holding the password; a relative name is looked up in <c>$CREDENTIALS_DIRECTORY</c> first (systemd
    /// credentials, the Windows credentials folder), then relative to the working directory. Trailing new lines are ignored.</summary>
    public string? PasswordFile { get; set; }

    public string? PasswordEnvironmentVariable { get; set; }

    /// <summary>Skips certificate validation. Only for a test relay; logged as a warning on every connection.</summary>
    public bool AcceptInvalidCertificates { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Name given in EHLO; MailKit's default (the machine name) when empty.</summary>
    public string? LocalDomain { get; set; }
}
