using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// The hidden token of each served form: a random nonce (the submission's idempotency key, so a refresh or a double
/// click makes one ticket) and the time the form was served (the minimum fill time), encrypted and signed with
/// ASP.NET Core data protection so neither can be forged.
/// </summary>
internal sealed class FormToken(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly IDataProtector protector = protection.CreateProtector("ContactCenter.WebForm.FormToken.v1");

    public string Issue()
    {
        var payload = new byte[24];
        RandomNumberGenerator.Fill(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16), time.GetUtcNow().ToUnixTimeMilliseconds());
        return Base64Url(protector.Protect(payload));
    }

    /// <summary>The nonce and the serving time, or false for a token that is missing, altered or not ours.</summary>
    public bool TryRead(string? token, out string nonce, out DateTimeOffset issuedAt)
    {
        nonce = "";
        issuedAt = default;
        if (string.IsNullOrEmpty(token) || token.Length > 512)
        {
            return false;
        }

        try
        {
            var payload = protector.Unprotect(FromBase64Url(token));
            if (payload.Length != 24)
            {
                return false;
            }

            nonce = Base64Url(payload.AsSpan(0, 16).ToArray());
            issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16)));
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - padded.Length % 4) % 4), '='));
    }
}
