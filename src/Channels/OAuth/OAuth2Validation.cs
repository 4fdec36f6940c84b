using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.OAuth;

/// <summary>The start-time checks of an <c>OAuth2</c> section; every error names its full key.</summary>
public static class OAuth2Validation
{
    public static void Check(OAuth2Options? options, string path, List<string> errors)
    {
        if (options is null)
        {
            errors.Add($"{path}: required when Auth is OAuth2 (at least Provider and ClientId)");
            return;
        }

        if (!Enum.IsDefined(options.Provider))
        {
            errors.Add($"{path}:Provider: must be one of {string.Join(", ", Enum.GetNames<OAuth2Provider>())}");
            return;
        }

        CheckGrant(options, path, errors);
        CheckEndpoints(options, path, errors);
        CheckFiles(options, path, errors);
        if (options.RefreshBefore < TimeSpan.Zero)
        {
            errors.Add($"{path}:RefreshBefore: must not be negative");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}:Timeout: must be positive");
        }
    }

    private static void CheckGrant(OAuth2Options o, string path, List<string> errors)
    {
        var grant = o.EffectiveGrant;
        OAuth2Grant[] allowed = o.Provider switch
        {
            OAuth2Provider.Microsoft365 => [OAuth2Grant.ClientCredentials],
            OAuth2Provider.Google => [OAuth2Grant.ServiceAccount, OAuth2Grant.RefreshToken],
            _ => [OAuth2Grant.ClientCredentials, OAuth2Grant.RefreshToken],
        };
        if (!allowed.Contains(grant))
        {
            errors.Add($"{path}:Grant: {grant} is not available with Provider {o.Provider} (use {string.Join(" or ", allowed)})");
            return;
        }

        var secrets = OAuth2Secret.Count(o.ClientSecret, o.ClientSecretFile, o.ClientSecretEnvironmentVariable);
        var refresh = OAuth2Secret.Count(o.RefreshToken, o.RefreshTokenFile, o.RefreshTokenEnvironmentVariable);
        if (grant != OAuth2Grant.ServiceAccount && string.IsNullOrWhiteSpace(o.ClientId))
        {
            errors.Add($"{path}:ClientId: required for Provider {o.Provider}");
        }

        if (o.Provider == OAuth2Provider.Microsoft365)
        {
            if (string.IsNullOrWhiteSpace(o.TenantId))
            {
                errors.Add($"{path}:TenantId: required for Provider Microsoft365 (the directory id or domain)");
            }

            var certificate = string.IsNullOrWhiteSpace(o.CertificateFile) ? 0 : 1;
            if (secrets + certificate != 1)
            {
                errors.Add($"{path}:ClientSecret: set exactly one of ClientSecret, ClientSecretFile, ClientSecretEnvironmentVariable, CertificateFile (found {secrets + certificate})");
            }
        }
        else if (grant == OAuth2Grant.ServiceAccount)
        {
            if (string.IsNullOrWhiteSpace(o.ServiceAccountKeyFile))
            {
                errors.Add($"{path}:ServiceAccountKeyFile: required for the ServiceAccount grant (the service account's JSON key)");
            }
        }
        else if (grant == OAuth2Grant.RefreshToken)
        {
            if (refresh != 1)
            {
                errors.Add($"{path}:RefreshToken: set exactly one of RefreshToken, RefreshTokenFile, RefreshTokenEnvironmentVariable (found {refresh})");
            }

            if (secrets > 1 || (o.Provider == OAuth2Provider.Google && secrets != 1))
            {
                errors.Add($"{path}:ClientSecret: set {(o.Provider == OAuth2Provider.Google ? "exactly" : "at most")} one of ClientSecret, ClientSecretFile, ClientSecretEnvironmentVariable (found {secrets})");
            }
        }
        else if (secrets != 1)
        {
            errors.Add($"{path}:ClientSecret: set exactly one of ClientSecret, ClientSecretFile, ClientSecretEnvironmentVariable (found {secrets})");
        }
    }

    private static void CheckEndpoints(OAuth2Options o, string path, List<string> errors)
    {
        if (o.Provider == OAuth2Provider.Generic && string.IsNullOrWhiteSpace(o.TokenEndpoint))
        {
            errors.Add($"{path}:TokenEndpoint: required for Provider Generic (the token URL, https://...)");
        }

        CheckUri(o.TokenEndpoint, $"{path}:TokenEndpoint", errors);
        CheckUri(o.Authority, $"{path}:Authority", errors);
    }

    // Tokens and secrets travel on these URLs: plain http only to this machine.
    private static void CheckUri(string? value, string key, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key}: '{value}' is not an absolute https URL");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
        {
            errors.Add($"{key}: '{value}' must use https (plain http is allowed only on loopback)");
        }
    }

    private static void CheckFiles(OAuth2Options o, string path, List<string> errors)
    {
        foreach (var (key, file) in new[]
                 {
                     ("ClientSecretFile", o.ClientSecretFile), ("RefreshTokenFile", o.RefreshTokenFile), ("CertificateFile", o.CertificateFile),
                     ("CertificatePasswordFile", o.CertificatePasswordFile), ("ServiceAccountKeyFile", o.ServiceAccountKeyFile),
                 })
        {
            if (!string.IsNullOrWhiteSpace(file) && !File.Exists(SecretFile.Resolve(file)))
            {
                errors.Add($"{path}:{key}: the file '{file}' does not exist");
            }
        }
    }
}
