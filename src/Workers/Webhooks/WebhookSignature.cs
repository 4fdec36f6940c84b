using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,BASE64(HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"))</c>,
/// the timestamp in Unix seconds. The receiver recomputes it over the raw body and refuses old timestamps.
/// </summary>
internal static class WebhookSignature
{
    public static string Sign(ReadOnlySpan<byte> key, string id, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(id + "." + timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
