using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Voice;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary><c>channels check</c> logs in to a Voicemail channel's mailbox with the protocol its <c>Source</c> names.</summary>
[Collection(DovecotFixture.Collection)]
public sealed class VoicemailChannelsCheckTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-voicemail-check");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ChannelsCheck_VoicemailChannels_LogInOverImapAndPop3_AndCheckTheDropFolder()
    {
        var user = dovecot.Server.CreateUser("vm-check");
        await dovecot.Server.AppendAsync(user, VoicemailMail.Asterisk("3331234567", "Mario Rossi", 5));
        Directory.CreateDirectory(folder.Combine("drop"));
        var server = dovecot.Server;
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new Dictionary<string, object>
            {
                ["vm-imap"] = new { Type = "Voicemail", Host = DovecotServer.Host, Port = server.ImapPort, Security = "None", User = user, Password = DovecotServer.Password },
                ["vm-pop"] = new
                {
                    Type = "Voicemail", Source = "Pop3", Host = DovecotServer.Host, Port = server.Pop3Port, Security = "None", User = user,
                    Password = DovecotServer.Password, StateDirectory = folder.Combine("state"),
                },
                ["vm-drop"] = new { Type = "Voicemail", Source = "MailDrop", Path = folder.Combine("drop") },
            },
        });

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("✓ vm-imap (Voicemail): logged in as " + user, StringComparison.Ordinal) && l.Contains("INBOX 1", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✓ vm-pop (Voicemail): logged in as " + user, StringComparison.Ordinal) && l.Contains("1 message(s) waiting", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✓ vm-drop (Voicemail): ", StringComparison.Ordinal) && l.Contains("readable and writable", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.StartsWith('✗'));
        result.ExitCode.Should().Be(0, result.Output + result.Error);
    }
}
