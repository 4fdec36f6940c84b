using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// What decides whether a message carrying an already seen Message-ID is the same message again (a duplicate, dropped
/// with a history line) or a different one (a new ticket): the sender, the Date header and a hash of the content.
/// Message-IDs alone are not enough: broken mailers reuse them and anyone can forge one to suppress another's mail.
/// Store-independent, so every store applies the same rule; <see cref="ToString"/> is the stored form.
/// </summary>
/// <param name="Sender">SHA-256 (hex) of the lower-cased sender address (else phone, fax or name); "" for none.</param>
/// <param name="Date">The Date header as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, "" when the message had none, null when unknown
/// (a record stored before fingerprints existed).</param>
/// <param name="Content">SHA-256 (hex) of the normalised subject and text and the sorted attachment hashes.</param>
public sealed record ContentFingerprint(string Sender, string? Date, string Content)
{
    private const string Version = "v1";
    private const string UnknownDate = "*";

    /// <summary>The draft metadata key where the e-mail normaliser leaves the Date header (ISO 8601).</summary>
    public const string DateMetadataKey = "mail.date";

    public static ContentFingerprint Of(TicketDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var date = draft.Metadata.TryGetValue(DateMetadataKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "";
        return new ContentFingerprint(SenderHash(draft.Sender), date, ContentHash(draft.Subject, draft.TextBody, draft.Attachments));
    }

    /// <summary>
    /// The fingerprint of a message stored before fingerprints were kept: its Date header was not stored, so the date
    /// is unknown and only sender and content are compared.
    /// </summary>
    public static ContentFingerprint OfStoredMessage(TicketMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ContentFingerprint(SenderHash(message.From), null, ContentHash(message.Subject, message.TextBody, message.Attachments));
    }

    /// <summary>Same sender, same content and the same date (an unknown date matches any).</summary>
    public bool SameMessageAs(ContentFingerprint other) => Differences(other).Count == 0;

    /// <summary>What differs from <paramref name="other"/>, in Italian for the ticket's history ("mittente", "data", "contenuto").</summary>
    public IReadOnlyList<string> Differences(ContentFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>(3);
        if (!string.Equals(Sender, other.Sender, StringComparison.Ordinal))
        {
            differences.Add("mittente");
        }

        if (Date is not null && other.Date is not null && !string.Equals(Date, other.Date, StringComparison.Ordinal))
        {
            differences.Add("data");
        }

        if (!string.Equals(Content, other.Content, StringComparison.Ordinal))
        {
            differences.Add("contenuto");
        }

        return differences;
    }

    public override string ToString() => string.Join('|', Version, Date ?? UnknownDate, Sender, Content);

    /// <summary>Reads <see cref="ToString"/>'s form; null for null or anything else (treated as "no fingerprint").</summary>
    public static ContentFingerprint? Parse(string? text)
    {
        var parts = text?.Split('|');
        return parts is [Version, var date, var sender, var content]
            ? new ContentFingerprint(sender, date == UnknownDate ? null : date, content) : null;
    }

    private static string SenderHash(Party? sender)
    {
        var key = new[] { sender?.Email, sender?.Phone, sender?.Fax, sender?.DisplayName }
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim().ToLowerInvariant();
        return key is null ? "" : Hash(key);
    }

    private static string ContentHash(string? subject, string? text, IEnumerable<TicketAttachment>? attachments)
    {
        var hashes = (attachments ?? []).Select(a => a.Sha256.ToLowerInvariant()).Order(StringComparer.Ordinal);
        return Hash($"subject\n{Normalise(subject)}\ntext\n{Normalise(text)}\nattachments\n{string.Join(',', hashes)}");
    }

    /// <summary>NFC and whitespace runs as one space: line endings and re-wrapping by relays do not make a new message.</summary>
    private static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        string composed;
        try
        {
            composed = text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; hashing it as it is still tells copies apart consistently.
            composed = text;
        }

        var builder = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c) || c == '\0')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString().TrimEnd();
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
