using System.Text.RegularExpressions;
using MimeKit;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// The sender when MimeKit's reading of From gives no usable address: an encoded-word that wraps the whole
/// <c>Name &lt;address&gt;</c> (the address stays encoded, or is split at the encoded-word's blanks), or
/// <c>Name address@host</c> without angle brackets (no mailbox at all). The header's decoded text is read again.
/// </summary>
internal static partial class SenderSalvage
{
    /// <summary>A From longer than this is not a sender's name and address; it is left as MimeKit read it.</summary>
    private const int MaxHeaderChars = 2000;

    /// <summary>From's first mailbox (else Sender), repaired where needed; <paramref name="repair"/> says what was done.</summary>
    public static MailboxAddress? From(MimeMessage message, out string? repair)
    {
        repair = null;
        var parsed = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var header = message.Headers.FirstOrDefault(h => h.Id == HeaderId.From);
        var decoded = header?.Value?.Trim();
        if (decoded is null || decoded.Length is 0 or > MaxHeaderChars)
        {
            return parsed;
        }

        if (parsed is not null && IsUsable(parsed))
        {
            return HasEightBit(header!.RawValue) ? WholeName(parsed, decoded, ref repair) : parsed;
        }

        if (InternetAddressList.TryParse(decoded, out var list) && list.Mailboxes.FirstOrDefault() is { } reparsed && IsUsable(reparsed))
        {
            repair = "From re-read from its decoded text (an encoded-word held the address)";
            return reparsed;
        }

        if (BareAddress().Match(decoded) is { Success: true } match)
        {
            var name = decoded.Remove(match.Index, match.Length).Trim().Trim('"', '\'', ',', ';', '(', ')', '<', '>').Trim();
            repair = "From address found without angle brackets";
            return new MailboxAddress(name, match.Value);
        }

        return parsed;
    }

    /// <summary>
    /// MimeKit decodes a raw 8-bit display name word by word, which splits multi-byte characters (Shift_JIS 山 is
    /// 0x8E 'R'); the header decoded as a whole and parsed again gives the name intact.
    /// </summary>
    private static MailboxAddress WholeName(MailboxAddress parsed, string decoded, ref string? repair)
    {
        if (InternetAddressList.TryParse(decoded, out var list) && list.Mailboxes.FirstOrDefault() is { } whole
            && string.Equals(whole.Address, parsed.Address, StringComparison.OrdinalIgnoreCase) && whole.Name != parsed.Name)
        {
            repair = "From display name in raw 8-bit read as a whole";
            return whole;
        }

        return parsed;
    }

    private static bool HasEightBit(byte[] raw) => raw.AsSpan().IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;

    /// <summary>An address with a local part and a domain, and no encoded-word left in name or address.</summary>
    private static bool IsUsable(MailboxAddress mailbox) =>
        mailbox.Address is { } address && MailAddressRules.IsDeliverable(address) && !HasEncodedWord(address)
        && !HasEncodedWord(mailbox.Name) && !address.Any(char.IsWhiteSpace);

    private static bool HasEncodedWord(string? text) =>
        text is not null && (text.Contains("=?", StringComparison.Ordinal) || text.Contains("?=", StringComparison.Ordinal));

    [GeneratedRegex(@"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 250)]
    private static partial Regex BareAddress();
}
