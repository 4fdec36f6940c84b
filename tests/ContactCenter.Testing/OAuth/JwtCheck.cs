using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContactCenter.Testing.OAuth;

/// <summary>Checks an RS256/PS256 JWT the way a token endpoint checks a client assertion: signature, audience, expiry.</summary>
internal static class JwtCheck
{
    public static JsonElement? Verify(string jwt, RSA key, string audience)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        using var header = JsonDocument.Parse(Decode(parts[0]));
        var padding = header.RootElement.GetProperty("alg").GetString() switch
        {
            "RS256" => RSASignaturePadding.Pkcs1,
            "PS256" => RSASignaturePadding.Pss,
            _ => null,
        };
        if (padding is null
            || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]), HashAlgorithmName.SHA256, padding))
        {
            return null;
        }

        using var claims = JsonDocument.Parse(Decode(parts[1]));
        var root = claims.RootElement.Clone();
        // MSAL writes exp as a string, Google's libraries as a number.
        var expClaim = root.GetProperty("exp");
        var exp = expClaim.ValueKind == JsonValueKind.Number ? expClaim.GetInt64() : long.Parse(expClaim.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var aud = root.GetProperty("aud").GetString();
        return exp > DateTimeOffset.UtcNow.ToUnixTimeSeconds() && string.Equals(aud?.TrimEnd('/'), audience.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? root
            : null;
    }

    private static byte[] Decode(string part)
    {
        var text = part.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));
    }
}
