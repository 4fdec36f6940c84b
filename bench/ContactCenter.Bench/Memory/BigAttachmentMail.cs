using MimeKit;

namespace ContactCenter.Bench.Memory;

/// <summary>Writes one citizen e-mail with a large random PDF-labelled attachment straight to a file (never all in memory).</summary>
internal static class BigAttachmentMail
{
    public static long Write(string path, int attachmentBytes)
    {
        var content = Path.ChangeExtension(path, ".bin");
        using (var file = File.Create(content))
        {
            var chunk = new byte[1 << 20];
            var random = new Random(50);
            for (var written = 0; written < attachmentBytes; written += chunk.Length)
            {
                random.NextBytes(chunk);
                file.Write(chunk, 0, Math.Min(chunk.Length, attachmentBytes - written));
            }
        }

        try
        {
            using var attachmentStream = File.OpenRead(content);
            var builder = new BodyBuilder { TextBody = "Buongiorno,\nin allegato la perizia completa dei danni con le fotografie.\nCordiali saluti,\nMario Rossi\n" };
            builder.Attachments.Add("perizia-danni.pdf", attachmentStream, new ContentType("application", "pdf"));
            var message = new MimeMessage();
            message.From.Add(new MailboxAddress("Mario Rossi", "mario.rossi@cittadini.example.it"));
            message.To.Add(new MailboxAddress("URP", "urp@protezionecivile.example.it"));
            message.Subject = "Perizia danni alluvione con allegati";
            message.MessageId = "perizia-50mb@cittadini.example.it";
            message.Body = builder.ToMessageBody();
            using var output = File.Create(path);
            message.WriteTo(output);
            return output.Length;
        }
        finally
        {
            File.Delete(content);
        }
    }
}
