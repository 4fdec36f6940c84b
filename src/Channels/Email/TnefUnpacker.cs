using MimeKit;
using MimeKit.Tnef;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Unpacks an Outlook winmail.dat (application/ms-tnef) into the attachments it carries; its message text is kept
/// aside for a message that has no other text. An unreadable winmail.dat is kept as it is, never dropped.
/// </summary>
internal static class TnefUnpacker
{
    // MimeKit names the TNEF body properties it turns into parts like this; they are the text, not attachments.
    private static readonly HashSet<string> BodyNames = new(StringComparer.OrdinalIgnoreCase) { "body.txt", "body.html" };

    public static void Unpack(TnefPart tnef, MimeContents contents)
    {
        List<MimeEntity> parts;
        try
        {
            parts = tnef.ExtractAttachments().ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            KeepAsIs(tnef, contents, ex.Message);
            return;
        }

        if (parts.Count == 0)
        {
            // MimeKit reads a damaged TNEF stream leniently and may find nothing in it: keep the file, say so.
            KeepAsIs(tnef, contents, "nothing readable in it");
            return;
        }

        foreach (var part in parts)
        {
            if (part is TextPart text && !text.IsAttachment && (text.FileName is null || BodyNames.Contains(text.FileName)))
            {
                if (text.IsPlain)
                {
                    contents.TnefText ??= text.Text;
                    continue;
                }

                if (text.IsHtml)
                {
                    contents.TnefHtml ??= text.Text;
                    continue;
                }
            }

            var number = contents.Attachments.Count + 1;
            switch (part)
            {
                case MimePart mimePart:
                    contents.Attachments.Add(PendingAttachment.ForPart(mimePart, number));
                    break;
                case MessagePart { Message: not null } embedded:
                    contents.Attachments.Add(PendingAttachment.ForMessage(embedded, number));
                    break;
            }
        }
    }

    private static void KeepAsIs(TnefPart tnef, MimeContents contents, string why)
    {
        contents.Problems.Add($"winmail.dat non estraibile ({why}): conservato così com'è");
        contents.Attachments.Add(PendingAttachment.ForPart(tnef, contents.Attachments.Count + 1));
    }
}
