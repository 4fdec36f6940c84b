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

    private string Config(SmtpTestServer smtp, string password, string languages)
    {
        Directory.CreateDirectory(folder.Combine("scans"));
        return JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Smtp = new { Host = smtp.Host, Port = smtp.Port, Security = "None", User = "contactcenter", Password = password },
            Ocr = new { Languages = languages },
            Channels = new Dictionary<string, object>
            {
                ["drop"] = new { Type = "MailDrop", Path = folder.Combine("scans") },
            },
        });
    }
}
