using System.Security.Cryptography.X509Certificates;
using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.OAuth;

/// <summary>Loads the certificate and tells when the configured credential expires.</summary>
internal static class OAuth2Credentials
{
    public static DateTimeOffset? SecretExpiry(OAuth2Options options) =>
        options.SecretExpiresOn is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>A PKCS#12 file (with the password from <c>CertificatePasswordFile</c>) or a PEM holding certificate and key.</summary>
    public static X509Certificate2 LoadCertificate(OAuth2Options options)
    {
        var path = SecretFile.Resolve(options.CertificateFile!);
        try
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".pem" or ".crt")
            {
                return X509Certificate2.CreateFromPemFile(path);
            }

            var password = string.IsNullOrWhiteSpace(options.CertificatePasswordFile)
                ? null
                : File.ReadAllText(SecretFile.Resolve(options.CertificatePasswordFile)).Trim();
            return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new OAuth2TokenException($"the certificate {options.CertificateFile} cannot be loaded ({ex.Message})", ex);
        }
    }
}
