using MimeKit;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>Realistic-shaped messages for the end-to-end runs.</summary>
internal static class CitizenMail
{
    public static MimeMessage Request(int n, string run) => Message(
        $"cittadino{n}@example.it", $"Richiesta n. {n} ({run})", $"<req-{n}-{run}@example.it>",
        $"Buongiorno, vorrei informazioni sul piano comunale di protezione civile (richiesta {n}).");

    /// <summary>A request with a scanned document attached (<paramref name="pdf"/>'s bytes, base64 in the message).</summary>
    public static MimeMessage WithScan(int n, string run, byte[] pdf)
    {
        var message = Request(n, run);
        var body = new BodyBuilder { TextBody = message.TextBody };
        body.Attachments.Add($"scansione-{n}.pdf", pdf, new ContentType("application", "pdf"));
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A request from a mailer that writes no Message-ID: only its bytes can know it again.</summary>
    public static MimeMessage WithoutMessageId(int n, string run)
    {
        var message = Request(n, run);
        message.Headers.Remove(HeaderId.MessageId);
        return message;
    }

    public static MimeMessage Reply(string ticketNumber, string inReplyTo) =>
        Message("cittadino7@example.it", $"R: [{ticketNumber}] Richiesta n. 7", $"<reply-{Guid.NewGuid():N}@example.it>",
            "Aggiungo un'informazione alla mia richiesta.", inReplyTo);

    public static MimeMessage AutoReply()
    {
        var message = Message("ufficio@comune.esempio.it", "Risposta automatica: fuori ufficio", $"<auto-{Guid.NewGuid():N}@comune.esempio.it>",
            "Sono fuori ufficio fino al 20 marzo.");
        message.Headers.Add("Auto-Submitted", "auto-replied");
        return message;
    }

    public static MimeMessage Bounce()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example.it"));
        message.To.Add(MailboxAddress.Parse("urp@protezionecivile.example.it"));
        message.Subject = "Undelivered Mail Returned to Sender";
        message.MessageId = $"bounce-{Guid.NewGuid():N}@mx.example.it";
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system at host mx.example.it. Your message could not be delivered." },
            new MimePart("message", "delivery-status") { Content = new MimeContent(new MemoryStream("Reporting-MTA: dns; mx.example.it\r\n\r\nFinal-Recipient: rfc822; nobody@example.it\r\nAction: failed\r\nStatus: 5.1.1\r\n"u8.ToArray())) },
        };
        message.Body = report;
        return message;
    }

    /// <summary>Over the test's ContactCenter:Mail:MaxMessageBytes: rejected to quarantine.</summary>
    public static MimeMessage Oversized()
    {
        var builder = new BodyBuilder { TextBody = "In allegato la documentazione completa." };
        builder.Attachments.Add("documentazione.pdf", new byte[400_000], new ContentType("application", "pdf"));
        var message = Message("grande@example.it", "Documentazione molto grande", $"<big-{Guid.NewGuid():N}@example.it>", "");
        message.Body = builder.ToMessageBody();
        return message;
    }

    /// <summary>
    /// One Date for the whole run: a request generated twice is the same message delivered twice (a different Date
    /// would make it a different message that reuses the Message-ID, which opens its own ticket).
    /// </summary>
    private static readonly DateTimeOffset Sent = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.Now.AddMinutes(-5).ToUnixTimeSeconds());

    private static MimeMessage Message(string from, string subject, string messageId, string text, string? inReplyTo = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("urp@protezionecivile.example.it"));
        message.Subject = subject;
        message.MessageId = messageId.Trim('<', '>');
        message.Date = Sent;
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
            message.References.Add(inReplyTo.Trim('<', '>'));
        }

        message.Body = new TextPart("plain") { Text = text };
        return message;
    }
}
