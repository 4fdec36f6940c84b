using MimeKit;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>Small citizen-like messages for the source tests.</summary>
internal static class TestMail
{
    public static MimeMessage Create(int number, string subject = "Segnalazione")
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Mario Rossi", $"mario.rossi{number}@example.it"));
        message.To.Add(new MailboxAddress("Protezione Civile", "urp@example.gov.it"));
        message.Subject = $"{subject} {number}";
        message.MessageId = $"test-{number}-{Guid.NewGuid():N}@example.it";
        message.Date = DateTimeOffset.UtcNow;
        message.Body = new TextPart("plain") { Text = $"Buongiorno, segnalo un albero caduto in via Roma {number}.\n" };
        return message;
    }

    /// <summary>A message of at least <paramref name="bytes"/> bytes (a long text body).</summary>
    public static MimeMessage Large(int number, int bytes)
    {
        var message = Create(number, "Allegato enorme");
        message.Body = new TextPart("plain") { Text = string.Concat(Enumerable.Repeat("Riga di testo della segnalazione.\n", (bytes / 34) + 1)) };
        return message;
    }

    public static IEnumerable<MimeMessage> Many(int count, string subject = "Segnalazione") =>
        Enumerable.Range(1, count).Select(i => Create(i, subject));

    public static async Task<string> ReadAsync(ContactCenter.Core.Intake.InboundItem item)
    {
        await using var stream = await item.OpenAsync(CancellationToken.None);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
