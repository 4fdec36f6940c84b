namespace ContactCenter.Channels.Acknowledgement;

/// <summary>How the SMTP connection is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same host or in tests.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS, which is required (usually port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}
