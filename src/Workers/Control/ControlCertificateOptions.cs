namespace ContactCenter.Workers.Control;

/// <summary>
/// <c>ContactCenter:Control:Certificate</c>: the TLS certificate of <see cref="ControlOptions.RemoteUrl"/>. Either a
/// PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) in <see cref="Path"/>, or a PEM certificate in <see cref="Path"/> with its
/// PEM key in <see cref="KeyPath"/>; the password (of the PFX, or of an encrypted PEM key) from a file or a variable.
/// </summary>
internal sealed class ControlCertificateOptions
{
    public string? Path { get; set; }

    public string? KeyPath { get; set; }

    /// <summary>A relative name is looked up in systemd's <c>$CREDENTIALS_DIRECTORY</c> first.</summary>
    public string? PasswordFile { get; set; }

    public string? PasswordEnvironmentVariable { get; set; }
}
