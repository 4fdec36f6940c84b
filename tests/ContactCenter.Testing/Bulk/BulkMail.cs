using MimeKit;

namespace ContactCenter.Testing.Bulk;

/// <summary>
/// Generates a mailbox's worth of distinct citizen e-mails, reproducibly from a seed: per 100 messages, 90 short
/// Italian texts, 9 HTML messages with an inline image and 1 with a 2 MB PDF. Every message has its own sender,
/// Message-ID and attachment bytes (the archive is content-addressed, so shared bytes would flatter it).
/// </summary>
public sealed class BulkMail(int seed, string run)
{
    public const int PdfBytes = 2 * 1024 * 1024;

    public string Run { get; } = run;

    public static BulkMailKind KindOf(int number) => (number % 100) switch
    {
        99 => BulkMailKind.TextWithPdf,
        >= 90 => BulkMailKind.HtmlWithInlineImage,
        _ => BulkMailKind.Text,
    };

    public string MessageIdOf(int number) => $"bulk-{Run}-{number}@cittadini.example.it";

    public string SenderOf(int number) => $"cittadino{number}.{Run}@cittadini.example.it";

    public MimeMessage Create(int number)
    {
        var random = new Random(HashCode.Combine(seed, number));
        var name = ItalianText.Name(random);
        var text = ItalianText.Request(random, name);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(name, SenderOf(number)));
        message.To.Add(new MailboxAddress("URP Protezione Civile", "urp@protezionecivile.example.it"));
        message.Subject = ItalianText.Subject(random, number);
        message.MessageId = MessageIdOf(number);
        message.Date = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1)).AddSeconds(number);
        message.Body = KindOf(number) switch
        {
            BulkMailKind.HtmlWithInlineImage => HtmlBody(text, random),
            BulkMailKind.TextWithPdf => PdfBody(text, random),
            _ => new TextPart("plain") { Text = text },
        };
        return message;
    }

    public byte[] CreateBytes(int number)
    {
        using var buffer = new MemoryStream();
        Create(number).WriteTo(FormatOptions.Default, buffer);
        return buffer.ToArray();
    }

    private static MimeEntity HtmlBody(string text, Random random)
    {
        var builder = new BodyBuilder { TextBody = text };
        var image = builder.LinkedResources.Add("stemma.png", NoisePng.Create(random, 48, 48), new ContentType("image", "png"));
        image.ContentId = MimeKit.Utils.MimeUtils.GenerateMessageId("cittadini.example.it");
        var paragraphs = string.Join("", text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => $"<p>{System.Net.WebUtility.HtmlEncode(line)}</p>"));
        builder.HtmlBody = $"<html><body><img src=\"cid:{image.ContentId}\" alt=\"stemma\">{paragraphs}</body></html>";
        return builder.ToMessageBody();
    }

    private static MimeEntity PdfBody(string text, Random random)
    {
        var builder = new BodyBuilder { TextBody = text + "\nIn allegato la documentazione.\n" };
        builder.Attachments.Add("documentazione.pdf", PaddedPdf.Create(random, PdfBytes), new ContentType("application", "pdf"));
        return builder.ToMessageBody();
    }
}
