using ContactCenter.Core.Intake;
using MimeKit;
using MimeKit.Tnef;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Walks a message's MIME tree once: unnamed inline text/plain and text/html parts are the body, every other leaf
/// (inline images included) is an attachment, forwarded messages stay whole (.eml) and winmail.dat is unpacked.
/// </summary>
internal sealed class MimeAttachmentCollector(int maxAttachments)
{
    public MimeContents Collect(MimeMessage message)
    {
        var contents = Read(message);
        if (contents.Attachments.Count > maxAttachments)
        {
            throw new InboundItemRejectedException(
                $"Message has {contents.Attachments.Count} attachments, over the limit of {maxAttachments} "
                + $"({MailNormalizerOptions.SectionName}:MaxAttachments).");
        }

        return contents;
    }

    /// <summary>The walk without the attachment limit, for reading a forwarded message's text.</summary>
    public static MimeContents Read(MimeMessage message)
    {
        var contents = new MimeContents();
        if (message.Body is not null)
        {
            Walk(message.Body, contents);
        }

        return contents;
    }

    private static void Walk(MimeEntity entity, MimeContents contents)
    {
        switch (entity)
        {
            case Multipart { Count: 0, Preamble: { } preamble } when !string.IsNullOrWhiteSpace(preamble):
                // A boundary that is missing or matches nothing leaves no parts: the whole content sits in the preamble.
                contents.PlainParts.Add(new TextPart(MimeKit.Text.TextFormat.Plain) { Text = preamble });
                contents.Problems.Add("multipart senza parti (boundary assente o errato): il contenuto grezzo è mostrato come testo");
                break;
            case Multipart multipart:
                foreach (var child in multipart)
                {
                    Walk(child, contents);
                }

                break;
            case MessagePart forwarded when forwarded.Message is not null:
                contents.Attachments.Add(PendingAttachment.ForMessage(forwarded, contents.Attachments.Count + 1));
                break;
            case TnefPart tnef:
                TnefUnpacker.Unpack(tnef, contents);
                break;
            case TextPart text when IsBodyText(text):
                (text.IsHtml ? contents.HtmlParts : contents.PlainParts).Add(text);
                break;
            case MimePart part:
                contents.Attachments.Add(PendingAttachment.ForPart(part, contents.Attachments.Count + 1));
                break;
        }
    }

    private static bool IsBodyText(TextPart text) =>
        (text.IsPlain || text.IsHtml) && !text.IsAttachment && text.FileName is null;
}
