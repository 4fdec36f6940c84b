using System.Globalization;
using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The structural limits of <c>ContactCenter:Mail</c>, checked on the parsed tree before anything is built from it:
/// nesting depth, number of parts, length of any header field, subject characters and the decoded size of a part.
/// Over any of them the message is rejected (quarantined) with the limit's key in the reason, instead of becoming a
/// ticket with empty text and the unparsed rest as an attachment.
/// </summary>
internal sealed class MimeLimits(MailNormalizerOptions options)
{
    private const string Prefix = MailNormalizerOptions.SectionName + ":";

    /// <summary>What MimeKit's parser is told: one level beyond the limit, so that going over it is seen, not cut silently.</summary>
    public int ParserDepth => options.MaxMimeDepth + 1;

    public void Check(MimeMessage message)
    {
        CheckMessage(message);
        var pending = new Stack<(MimeEntity Entity, int Depth)>();
        if (message.Body is not null)
        {
            pending.Push((message.Body, 1));
        }

        var parts = 0;
        while (pending.TryPop(out var current))
        {
            var (entity, depth) = current;
            if (++parts > options.MaxMimeParts)
            {
                throw Over($"Message has more than {options.MaxMimeParts} MIME parts", "MaxMimeParts");
            }

            if (depth > options.MaxMimeDepth || (depth == options.MaxMimeDepth && IsUnparsedContainer(entity)))
            {
                throw Over($"Message nests MIME parts deeper than {options.MaxMimeDepth} levels", "MaxMimeDepth");
            }

            CheckHeaders(entity.Headers);
            switch (entity)
            {
                case Multipart multipart:
                    foreach (var child in multipart)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case MessagePart { Message: { } inner }:
                    CheckMessage(inner);
                    if (inner.Body is not null)
                    {
                        pending.Push((inner.Body, depth + 1));
                    }

                    break;
                case MimePart part:
                    CheckSize(part);
                    break;
            }
        }
    }

    private void CheckMessage(MimeMessage message)
    {
        CheckHeaders(message.Headers);
        var subject = message.Subject;
        if (subject is not null && subject.Length > options.MaxSubjectChars)
        {
            throw Over($"Subject is {subject.Length:N0} characters", "MaxSubjectChars", options.MaxSubjectChars);
        }
    }

    private void CheckHeaders(HeaderList headers)
    {
        foreach (var header in headers)
        {
            var bytes = (long)header.RawField.Length + header.RawValue.Length;
            if (bytes > options.MaxHeaderBytes)
            {
                throw Over($"Header {Clip(header.Field)} is {bytes:N0} bytes", "MaxHeaderBytes", options.MaxHeaderBytes);
            }
        }
    }

    private void CheckSize(MimePart part)
    {
        if (part.Content?.Stream is not { CanSeek: true } stream)
        {
            return;
        }

        // Base64 and uuencode carry 3 bytes in 4: the decoded size is known closely enough without decoding.
        var encoded = stream.Length;
        var decoded = part.ContentTransferEncoding is ContentEncoding.Base64 or ContentEncoding.UUEncode ? encoded / 4 * 3 : encoded;
        if (decoded > options.MaxAttachmentBytes)
        {
            var name = Clip(part.FileName ?? part.ContentType.MimeType);
            throw Over($"Part {name} is about {decoded:N0} bytes decoded", "MaxAttachmentBytes", options.MaxAttachmentBytes);
        }
    }

    /// <summary>A multipart or message part MimeKit left unparsed because it was at its depth limit.</summary>
    private static bool IsUnparsedContainer(MimeEntity entity) =>
        entity is MimePart
        && (entity.ContentType.MediaType.Equals("multipart", StringComparison.OrdinalIgnoreCase)
            || entity.ContentType.IsMimeType("message", "rfc822") || entity.ContentType.IsMimeType("message", "global"));

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static InboundItemRejectedException Over(string what, string key, long? limit = null) =>
        new(limit is null
            ? $"{what}, over the limit {Prefix}{key}."
            : string.Create(CultureInfo.InvariantCulture, $"{what}, over the limit of {limit:N0} ({Prefix}{key})."));
}
