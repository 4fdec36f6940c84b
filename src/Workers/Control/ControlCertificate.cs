using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>Loads the TLS certificate of the network listener; a file that cannot be read stops the start, naming the key.</summary>
internal static class ControlCertificate
{
    private const string Key = ControlOptions.SectionName + ":Certificate";

    public static X509Certificate2 Load(ControlCertificateOptions options)
    {
        try
        {
            var path = SecretFile.Resolve(options.Path!);
            var password = ReadPassword(options);
            X509Certificate2 certificate;
            if (!string.IsNullOrWhiteSpace(options.KeyPath))
            {
                var keyPath = SecretFile.Resolve(options.KeyPath);
                certificate = password is null
                    ? X509Certificate2.CreateFromPemFile(path, keyPath)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
            }
            else
            {
                certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }

            return certificate.HasPrivateKey ? certificate
                : throw new InvalidOperationException("the certificate has no private key (a PEM certificate needs Certificate:KeyPath)");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or InvalidOperationException or ArgumentException)
        {
            throw new OptionsValidationException(ControlOptions.SectionName, typeof(ControlOptions), [$"{Key}: cannot load '{options.Path}': {ex.Message}"]);
        }
    }

    private static string? ReadPassword(ControlCertificateOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable)
                ?? throw new InvalidOperationException($"the environment variable {options.PasswordEnvironmentVariable} is not set");
        }

        return string.IsNullOrWhiteSpace(options.PasswordFile) ? null : File.ReadAllText(SecretFile.Resolve(options.PasswordFile)).Trim();
    }
}
