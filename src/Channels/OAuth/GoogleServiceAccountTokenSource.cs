using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.OAuth;

/// <summary>
/// Google's JWT bearer grant (RFC 7523) for a service account with domain-wide delegation: an RS256 assertion signed
/// with the key file's private key, issued by its <c>client_email</c>, on behalf of the mailbox (<c>sub</c>).
/// </summary>
internal sealed class GoogleServiceAccountTokenSource(
    OAuth2Options options, string mailbox, Uri? endpointOverride, HttpClient http, TimeProvider time) : IOAuth2TokenSource
{
    public const string DefaultTokenUri = "https://oauth2.googleapis.com/token";
    private static readonly TimeSpan AssertionLifetime = TimeSpan.FromHours(1);

    public string Description => (endpointOverride?.GetLeftPart(UriPartial.Path) ?? "the key file's token_uri") + $" (service account, as {mailbox})";

    public DateTimeOffset? CredentialExpiresAt => OAuth2Credentials.SecretExpiry(options);

    public async Task<OAuth2Token> RequestAsync(CancellationToken cancellationToken)
    {
        var key = await ReadKeyAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = endpointOverride ?? new Uri(key.TokenUri ?? DefaultTokenUri);
        var assertion = Sign(key, endpoint.ToString(), time.GetUtcNow());
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "urn:ietf:params:oauth:grant-type:jwt-bearer",
            ["assertion"] = assertion,
        };
        var answer = await OAuth2TokenEndpoint.RequestAsync(http, endpoint, form, time, cancellationToken).ConfigureAwait(false);
        return answer.Token;
    }

    private string Sign(ServiceAccountKey key, string audience, DateTimeOffset now)
    {
        var header = new Dictionary<string, string> { ["alg"] = "RS256", ["typ"] = "JWT" };
        if (key.KeyId is { } kid)
        {
            header["kid"] = kid;
        }

        var claims = new Dictionary<string, object>
        {
            ["iss"] = key.ClientEmail,
            ["sub"] = mailbox,
            ["scope"] = options.Scope ?? "https://mail.google.com/",
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + AssertionLifetime).ToUnixTimeSeconds(),
        };
        var unsigned = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(key.PrivateKey);
        }
        catch (ArgumentException ex)
        {
            throw new OAuth2TokenException($"the service account key in {options.ServiceAccountKeyFile} has no usable private_key", ex);
        }

        var signature = rsa.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url(signature);
    }

    private async Task<ServiceAccountKey> ReadKeyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var path = SecretFile.Resolve(options.ServiceAccountKeyFile!);
            await using var stream = File.OpenRead(path);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            return new ServiceAccountKey(
                Text("client_email") ?? throw new OAuth2TokenException($"{options.ServiceAccountKeyFile} has no client_email: is it a service account key?"),
                Text("private_key") ?? throw new OAuth2TokenException($"{options.ServiceAccountKeyFile} has no private_key"),
                Text("private_key_id"),
                Text("token_uri"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new OAuth2TokenException($"the service account key file {options.ServiceAccountKeyFile} cannot be read ({ex.GetType().Name})", ex);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record ServiceAccountKey(string ClientEmail, string PrivateKey, string? KeyId, string? TokenUri);
}
