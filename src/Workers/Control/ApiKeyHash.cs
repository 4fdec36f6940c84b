using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ContactCenter.Workers.Control;

/// <summary>
/// API keys and their stored form. A key is 32 random bytes (256 bits), so a plain SHA-256 of it cannot be reversed
/// or guessed; a slow password hash (PBKDF2) would only add cost to every request.
/// </summary>
internal static partial class ApiKeyHash
{
    private const string Prefix = "sha256:";

    public static string NewKey() => "cc_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Of(string key) => Prefix + Convert.ToHexStringLower(Digest(key));

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool TryParse(string? stored, out byte[] digest)
    {
        digest = [];
        if (stored is null || !HashPattern().IsMatch(stored))
        {
            return false;
        }

        digest = Convert.FromHexString(stored[Prefix.Length..]);
        return true;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^sha256:[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
