using System.Text;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.Control;
using MimeKit;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>
/// Two citizens' e-mails with attachments, dropped as .eml files: a damage report with a photo and an HTML report under
/// a name that climbs out of its folder, and an unrelated request with a form.
/// </summary>
internal static class AttachmentMail
{
    public const string Html = "<html><body><script>alert(document.cookie)</script>Relazione del tecnico</body></html>";
    public const string DamageSubject = "Danni alla casa dopo la frana";
    public const string OtherSubject = "Richiesta modulo contributi";

    /// <summary>Over the PostgreSQL archive's 1 MiB in-memory limit, so reading it back streams from the database.</summary>
    public static byte[] Photo { get; } = RandomBytes(1_500_000, seed: 7);

    public static byte[] Form { get; } = RandomBytes(5_000, seed: 8);

    /// <summary>
    /// The damage report's original in an archive folder (its attachments are read from it): the largest file there,
    /// since it holds the photo.
    /// </summary>
    public static string DamageOriginal(string archive) =>
        Directory.GetFiles(archive, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f).Length == 64).MaxBy(f => new FileInfo(f).Length)
        ?? throw new FileNotFoundException($"No archived file in {archive}.");

    /// <summary>Writes both messages into <c>{folder}/inbox</c> and returns that folder.</summary>
    public static string Write(TempDirectory folder)
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        Save(Path.Combine(inbox, "danni.eml"), Message("mario.rossi@example.it", DamageSubject, "Allego le foto dei danni e la relazione del tecnico.",
            ("../../relazione.html", "text/html", Encoding.UTF8.GetBytes(Html)), ("foto danni.jpg", "image/jpeg", Photo)));
        Save(Path.Combine(inbox, "modulo.eml"), Message("anna.bianchi@example.it", OtherSubject, "Invio il modulo compilato.",
            ("modulo.pdf", "application/pdf", Form)));
        return inbox;
    }

    /// <summary>
    /// Both messages made tickets by <c>ingest --once</c> (no service running) in the store <paramref name="store"/>
    /// describes, by default LiteDB under <c>{folder}/data</c>; returns the <c>--config</c> it used.
    /// </summary>
    public static async Task<string> IngestOnceAsync(TempDirectory folder, object? store = null)
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = store ?? new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Control = new { Enabled = false },
            Channels = MailDrop.Channel(folder, "drop", Write(folder)),
        });
        var ingest = await CliRun.RunAsync(null, "ingest", "--once", "--config", ServiceTestHost.Rules, "--config", config);
        ingest.ExitCode.Should().Be(0, ingest.Output + ingest.Error);
        return config;
    }

    /// <summary>The real service on a mail drop of both messages, returned once both are tickets.</summary>
    public static async Task<ServiceTestHost> StartServiceAsync(TempDirectory folder)
    {
        var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", Write(folder)));
        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 2, TimeSpan.FromSeconds(60));
        return service;
    }

    private static MimeMessage Message(string from, string subject, string text, params (string Name, string Type, byte[] Bytes)[] files)
    {
        var message = new MimeMessage { Subject = subject, MessageId = $"{Guid.NewGuid():N}@example.it", Date = new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1)) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("urp@protezionecivile.example.it"));
        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, type, bytes) in files)
        {
            body.Attachments.Add(name, bytes, ContentType.Parse(type));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static void Save(string path, MimeMessage message)
    {
        using var file = File.Create(path);
        message.WriteTo(file);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
