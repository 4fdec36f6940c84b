namespace ContactCenter.Channels.Email;

/// <summary>How a mail connection is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain text; only for loopback test servers or a local relay.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS (fails if the server does not offer it).</summary>
    StartTls,

    /// <summary>TLS from the first byte (IMAPS 993, POP3S 995).</summary>
    SslOnConnect,
}
