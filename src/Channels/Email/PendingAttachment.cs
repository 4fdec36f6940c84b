using System.Text;
using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>A part found in the message that will be archived as an attachment, with its sanitised name.</summary>
internal sealed record PendingAttachment(MimeEntity Entity, string FileName, string ContentType, bool IsInline, string? ContentId)
{
    public static PendingAttachment ForPart(MimePart part, int number)
    {
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        var isInline = part.ContentDisposition is { } disposition
            ? disposition.Disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
            : part.ContentId is not null;
        var extension = MimeTypes.TryGetExtension(mimeType, out var known) ? known : ".bin";
        var fileName = SafeFileName.From(part.FileName, $"{(isInline ? "inline" : "attachment")}-{number}{extension}");
        if (mimeType == "application/octet-stream")
        {
            // Outlook (and TNEF) label most files octet-stream; the name says more to whoever opens it later.
            mimeType = MimeTypes.GetMimeType(fileName);
        }

        return new PendingAttachment(part, fileName, mimeType, isInline, part.ContentId);
    }

    public static PendingAttachment ForMessage(MessagePart part, int number)
    {
        var mimeType = part.ContentType.MimeType.ToLowerInvariant();
        if (mimeType == "text/rfc822-headers")
        {
            return new PendingAttachment(part, $"headers-{number}.txt", mimeType, IsInline: false, part.ContentId);
        }

        var name = NameFromSubject(part.Message?.Subject) ?? part.ContentDisposition?.FileName ?? part.ContentType.Name;
        return new PendingAttachment(part, SafeFileName.From(name, $"forwarded-message-{number}.eml"), mimeType, IsInline: false, part.ContentId);
    }

    private static string? NameFromSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        // A subject is not a path: "Re: pratica 12/2026" must not be cut at its slash or colon by SafeFileName.
        var builder = new StringBuilder(subject.Length + 4);
        foreach (var c in subject)
        {
            builder.Append(c switch
            {
                '/' or '\\' => "-",
                ':' => "",
                _ => c.ToString(),
            });
        }

        return builder.Append(".eml").ToString();
    }
}
