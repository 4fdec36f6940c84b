namespace ContactCenter.Testing.Dovecot;

public sealed partial class DovecotServer
{
    /// <summary>Writes the config, the passwd-file and a self-signed certificate (CN=localhost) under <see cref="RootPath"/>.</summary>
    private async Task PrepareAsync(string? oauth2IntrospectionUrl, CancellationToken cancellationToken)
    {
        var root = RootPath;
        Directory.CreateDirectory(Path.Combine(root, "mail"));
        // Dovecot works as `mail` inside; world-writable beats chown for a throwaway folder.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, (UnixFileMode)0b111_111_111);
            File.SetUnixFileMode(Path.Combine(root, "mail"), (UnixFileMode)0b111_111_111);
        }

        await Tools.RunAsync("openssl", ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", Path.Combine(root, "key.pem"), "-out", Path.Combine(root, "cert.pem"), "-days", "2",
            "-subj", "/CN=localhost"], cancellationToken).ConfigureAwait(false);
        string? oauth2Config = null;
        if (oauth2IntrospectionUrl is not null)
        {
            oauth2Config = Path.Combine(root, "dovecot-oauth2.conf.ext");
            await File.WriteAllTextAsync(oauth2Config, DovecotConfig.RenderOAuth2(oauth2IntrospectionUrl), cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(ConfigPath, DovecotConfig.Render(root, ImapPort, ImapsPort, Pop3Port, Pop3sPort, tls: true,
            oauth2Config), cancellationToken).ConfigureAwait(false);
        await File.WriteAllLinesAsync(Path.Combine(root, "passwd"), InitialUsers.Select(PasswdLine), cancellationToken)
            .ConfigureAwait(false);
    }
}
