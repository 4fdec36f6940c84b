using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

[Collection(DovecotFixture.Collection)]
public sealed class ChannelsCheckCommandTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-channels-check");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ChannelsCheck_EverythingRight_ListsFoldersAndExitsZero()
    {
        var user = dovecot.Server.CreateUser("check");
        await dovecot.Server.AppendManyAsync(user, Enumerable.Range(1, 3).Select(i => EndToEnd.CitizenMail.Request(i, "check")));
        Directory.CreateDirectory(folder.Combine("drop"));

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(user, DovecotServer.Password, folder.Combine("drop")));

        result.ExitCode.Should().Be(0, result.Output + result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("✓ urp (Imap): logged in as " + user, StringComparison.Ordinal) && l.Contains("INBOX 3", StringComparison.Ordinal)
            && l.Contains("; mailbox 0% full (0 of 10,240 MiB)", StringComparison.Ordinal), "the test server's default quota is 10 GiB");
        lines.Should().Contain(l => l.StartsWith("✓ pop (Pop3): logged in as " + user, StringComparison.Ordinal) && l.Contains("3 message(s) waiting", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✓ drop (MailDrop): ", StringComparison.Ordinal) && l.Contains("readable and writable", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✓ smtp: not checked: receipts are off", StringComparison.Ordinal));
        lines.Should().NotContain(l => l.StartsWith('✗'));
        (await dovecot.Server.CountAsync(user, "INBOX")).Should().Be(3, "a check changes nothing");
    }

    [Fact]
    public async Task ChannelsCheck_WrongPasswordAndMissingFolder_SayWhatToFixAndExitOne()
    {
        var user = dovecot.Server.CreateUser("check");

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", Config(user, "wrong-password", folder.Combine("no-such-folder")));

        result.ExitCode.Should().Be(1);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().Contain(l => l.StartsWith("✗ urp (Imap): IMAP login as '" + user, StringComparison.Ordinal) && l.Contains("check User and the password", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✗ pop (Pop3): POP3 login", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("✗ drop (MailDrop): ", StringComparison.Ordinal) && l.Contains("does not exist", StringComparison.Ordinal)
            && l.Contains("ContactCenter:Channels:drop:Path", StringComparison.Ordinal));
        result.Output.Should().NotContain("wrong-password", "secrets are never echoed");
    }

    [Fact]
    public async Task ChannelsCheck_ServerDown_SaysWhichHostAndPort()
    {
        var port = FreePort.Next();
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new { Type = "Imap", Host = "127.0.0.1", Port = port, Security = "None", User = "u", Password = "p" },
            },
        });

        var result = await CliRun.RunAsync(null, "channels", "check", "--config", config);

        result.ExitCode.Should().Be(1);
        result.Output.Should().Contain($"✗ urp (Imap): cannot connect to 127.0.0.1:{port}").And.Contain("check ContactCenter:Channels:urp:Host");
    }

    private string Config(string user, string password, string dropPath) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Channels = new Dictionary<string, object>
        {
            ["urp"] = new { Type = "Imap", Host = DovecotServer.Host, Port = dovecot.Server.ImapPort, Security = "None", User = user, Password = password },
            ["pop"] = new { Type = "Pop3", Host = DovecotServer.Host, Port = dovecot.Server.Pop3Port, Security = "None", User = user, Password = password, AfterImport = "Keep" },
            ["drop"] = new { Type = "MailDrop", Path = dropPath },
        },
    });
}
