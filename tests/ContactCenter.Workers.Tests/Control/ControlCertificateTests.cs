using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Testing;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Control;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>The network listener's certificate from a PEM pair, plain or with an encrypted key whose password is in a variable.</summary>
public sealed class ControlCertificateTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-control-cert");
    private readonly X509Certificate2 certificate = TestCertificates.CreateSelfSigned("cc.example.it");

    public void Dispose()
    {
        certificate.Dispose();
        folder.Dispose();
    }

    [Fact]
    public void Load_PemCertificateAndKey_HasTheKey()
    {
        var (cert, key) = WritePem(encryptedWith: null);

        using var loaded = ControlCertificate.Load(new ControlCertificateOptions { Path = cert, KeyPath = key });

        loaded.Thumbprint.Should().Be(certificate.Thumbprint);
        loaded.HasPrivateKey.Should().BeTrue();
    }

    [Fact]
    public void Load_EncryptedPemKey_UsesThePasswordFromTheVariable()
    {
        var (cert, key) = WritePem(encryptedWith: "chiave-pem");
        var variable = "CC_TEST_PEM_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "chiave-pem");
        try
        {
            using var loaded = ControlCertificate.Load(new ControlCertificateOptions { Path = cert, KeyPath = key, PasswordEnvironmentVariable = variable });

            loaded.HasPrivateKey.Should().BeTrue();
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public void Load_PemCertificateWithoutItsKey_FailsNamingTheKey()
    {
        var (cert, _) = WritePem(encryptedWith: null);

        var act = () => ControlCertificate.Load(new ControlCertificateOptions { Path = cert });

        act.Should().Throw<OptionsValidationException>().WithMessage("*ContactCenter:Control:Certificate: cannot load*");
    }

    private (string Cert, string Key) WritePem(string? encryptedWith)
    {
        var cert = folder.Combine("control.crt");
        var key = folder.Combine("control.key.pem");
        File.WriteAllText(cert, certificate.ExportCertificatePem());
        using var rsa = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(key, encryptedWith is null
            ? rsa.ExportPkcs8PrivateKeyPem()
            : rsa.ExportEncryptedPkcs8PrivateKeyPem(encryptedWith, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000)));
        return (cert, key);
    }
}
