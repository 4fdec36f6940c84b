using ContactCenter.Testing;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class ChannelsCheckSmtpAndOcrTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-check-smtp");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ChannelsCheck_SmtpRelayAndTesseract_PassWhenRight()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync(credentials: ("contactcenter", "Giusta-2026!"));

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(smtp, "Giusta-2026!", "ita"));

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain($"✓ smtp: connected to 127.0.0.1:{smtp.Port} (None), logged in as contactcenter");
        result.Output.Should().MatchRegex(@"✓ ocr: Tesseract 5\.[0-9.]+ loaded with ita");
        result.Output.Should().Contain("✓ drop (MailDrop): ");
        smtp.Messages.Should().BeEmpty("a check sends nothing");
    }

    [Fact]
    public async Task ChannelsCheck_WrongSmtpPasswordAndMissingLanguage_SayWhatToFix()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync(credentials: ("contactcenter", "Giusta-2026!"));

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(smtp, "sbagliata", "ita+klingon"));

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain("✗ smtp: login as 'contactcenter' refused: check ContactCenter:Smtp:User and the password");
        result.Output.Should().Contain("✗ ocr: ").And.Contain("klingon.traineddata not found").And.Contain("tesseract-ocr-klingon");
        result.Output.Should().NotContain("sbagliata");
    }

    [Fact]
    public async Task ChannelsCheck_ReceiptsOff_DoesNotTouchTheRelay_NorDisabledChannels()
    {
        // The production template's relay (a host that does not answer) with receipts off, and a disabled channel
        // whose folder does not exist: neither is used, so neither may fail the check.
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Smtp = new { Host = "127.0.0.1", Port = ContactCenter.Testing.Dovecot.FreePort.Next(), Security = "None" },
            Channels = new Dictionary<string, object>
            {
                ["drop"] = new { Type = "MailDrop", Path = Directory.CreateDirectory(folder.Combine("drop")).FullName },
                ["off"] = new { Type = "ScanFolder", Enabled = false, Paths = new[] { folder.Combine("no-such-folder") } },
            },
        });

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        result.Output.Should().Contain("✓ smtp: not checked: receipts are off").And.NotContain("off (ScanFolder)").And.NotContain("no-such-folder");
        result.Output.Should().Contain("✓ archive: ").And.Contain("✓ quarantine: ");
    }

    [Fact]
    public async Task ChannelsCheck_MissingArchiveParentUnwritable_IsNamed()
    {
        // A regular file where the archive folder should be: nothing can be created there.
        await File.WriteAllTextAsync(folder.Combine("blocked"), "");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data"), ArchivePath = folder.Combine("blocked") },
            Receipts = new { Enabled = false },
            Channels = new Dictionary<string, object> { ["drop"] = new { Type = "MailDrop", Path = Directory.CreateDirectory(folder.Combine("drop")).FullName } },
        });

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        result.ExitCode.Should().Be(1, result.Output);
        result.Output.Should().Contain("✗ archive: ").And.Contain("ContactCenter:Store:ArchivePath");
    }

    private string Config(SmtpTestServer smtp, string password, string languages)
    {
        Directory.CreateDirectory(folder.Combine("scans"));
        return JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = true, From = "URP <urp@example.it>" },
            Smtp = new { Host = smtp.Host, Port = smtp.Port, Security = "None", User = "contactcenter", Password = password },
            Ocr = new { Languages = languages },
            Channels = new Dictionary<string, object>
            {
                ["drop"] = new { Type = "MailDrop", Path = folder.Combine("scans") },
            },
        });
    }
}
