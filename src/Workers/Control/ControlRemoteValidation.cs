namespace ContactCenter.Workers.Control;

/// <summary>The network listener's rules: https with an explicit port, a certificate, at least one well-formed key.</summary>
internal static class ControlRemoteValidation
{
    private const string Prefix = ControlOptions.SectionName;

    public static void Validate(List<string> errors, ControlOptions options, Uri? loopbackUrl)
    {
        foreach (var (name, key) in options.ApiKeys)
        {
            if (!ApiKeyHash.TryParse(key.Hash, out _))
            {
                errors.Add($"{Prefix}:ApiKeys:{name}:Hash: not 'sha256:' and 64 hex digits (contactcenter apikey new prints one).");
            }

            if (!Enum.IsDefined(key.Role))
            {
                errors.Add($"{Prefix}:ApiKeys:{name}:Role: one of Reader, Operator, Admin.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.RemoteUrl))
        {
            return;
        }

        if (!Uri.TryCreate(options.RemoteUrl, UriKind.Absolute, out var remote) || remote.Scheme != Uri.UriSchemeHttps || remote.PathAndQuery != "/")
        {
            errors.Add($"{Prefix}:RemoteUrl: '{options.RemoteUrl}' is not an https URL like https://0.0.0.0:5281 (TLS is required off loopback).");
        }
        else if (remote.IsDefaultPort)
        {
            errors.Add($"{Prefix}:RemoteUrl: '{options.RemoteUrl}' needs an explicit port (e.g. https://0.0.0.0:5281).");
        }
        else if (loopbackUrl is not null && remote.Port == loopbackUrl.Port)
        {
            errors.Add($"{Prefix}:RemoteUrl: port {remote.Port} is already {Prefix}:Url's; use another.");
        }

        if (string.IsNullOrWhiteSpace(options.Certificate.Path))
        {
            errors.Add($"{Prefix}:Certificate:Path: required with {Prefix}:RemoteUrl (a .pfx, or a PEM certificate with Certificate:KeyPath).");
        }

        if (!string.IsNullOrWhiteSpace(options.Certificate.PasswordFile) && !string.IsNullOrWhiteSpace(options.Certificate.PasswordEnvironmentVariable))
        {
            errors.Add($"{Prefix}:Certificate: set at most one of PasswordFile and PasswordEnvironmentVariable.");
        }

        if (!options.RequiresKeys)
        {
            errors.Add($"{Prefix}:ApiKeys: at least one key is required with {Prefix}:RemoteUrl (contactcenter apikey new --role reader).");
        }
    }
}
