using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Hosting;

public sealed class VoicemailConfigurationTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-voicemail-config");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ConfigCheck_BadMinDurationAndSource_NameTheirKeys()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Voicemail = new { MinDuration = "00:20:00" },
            Channels = new Dictionary<string, object>
            {
                ["segreteria"] = new { Type = "Voicemail", Source = "Fax", Path = folder.Combine("drop") },
            },
        });

        var result = await CliRun.RunAsync(null, "config", "check", "--config", config);

        result.ExitCode.Should().Be(2);
        (result.Output + result.Error).Should().Contain("ContactCenter:Channels:segreteria:Source: 'Fax' is not one of Imap, Pop3, MailDrop")
            .And.Contain("ContactCenter:Voicemail:MinDuration: must be between 00:00:00 and 00:10:00");
    }
}
