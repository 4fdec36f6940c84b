using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ContactCenter.Testing.Smtp;

/// <summary>Certificates no client trusts, to prove that validation is on by default.</summary>
public static class TestCertificates
{
    public static X509Certificate2 CreateSelfSigned(string hostName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // SslStream on a server wants a certificate whose key is not ephemeral.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
