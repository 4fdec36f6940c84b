using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Tracking;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Tracking;

/// <summary>
/// Signs ticket numbers for the tracking link: HMAC-SHA256 of the number with the secret, 128 bits in base64url.
/// Whoever holds the receipt can follow the request; nobody can make a link for a number they only guessed.
/// </summary>
internal sealed class TrackingLinks(IOptions<WebFormOptions> options, TrackingSecret secret) : ITrackingLinks
{
    public const string Path = "/segui";

    public string? LinkFor(string ticketNumber) =>
        options.Value.Enabled ? $"{options.Value.ResolvedPublicUrl}{Path}/{Uri.EscapeDataString(ticketNumber)}?t={TokenFor(ticketNumber)}" : null;

    public string TokenFor(string ticketNumber)
    {
        var mac = HMACSHA256.HashData(secret.Key, Encoding.UTF8.GetBytes(ticketNumber.ToUpperInvariant()));
        return Convert.ToBase64String(mac, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Compares in constant time, so the answer's timing tells nothing about how close a forged token came.</summary>
    public bool IsValid(string ticketNumber, string? token) =>
        token is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(TokenFor(ticketNumber)), Encoding.ASCII.GetBytes(token));
}
