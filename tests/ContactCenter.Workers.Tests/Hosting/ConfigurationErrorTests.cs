using ContactCenter.Core.Channels;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Tests.Hosting;

public sealed class ConfigurationErrorTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-config");
    private readonly MemoryChannelFactory memory = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Run_UnknownChannelType_StopsWithExitCode2NamingTheKey()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new { urp = new { Type = "Telegraph" } },
        });

        var result = await CliRun.RunAsync(AddMemory, "run", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Channels:urp:Type: unknown channel type 'Telegraph' (known: ")
            .And.Contain("Memory");
        result.Error.Should().NotContain("   at ", "a configuration error is a message, not a stack trace");
    }

    [Fact]
    public async Task Run_ImapWithoutHostAndWithBadPorts_NamesEachKey()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new { Type = "Imap", User = "urp", Password = "x", Port = 993 },
                ["pec"] = new { Type = "Imap", Host = "imap.pec.example.it", User = "pec", Password = "x", Port = 70000 },
                ["fax"] = new { Type = "Pop3", Host = "pop.example.it", User = "fax", Password = "x", Port = "pop3s" },
            },
        });

        var result = await CliRun.RunAsync(null, "run", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Channels:urp:Host")
            .And.Contain("ContactCenter:Channels:pec:Port")
            .And.Contain("ContactCenter:Channels:fax:Port");
        result.Error.Should().NotContain("   at ");
    }

    [Fact]
    public async Task Run_BadCron_StopsNamingTheKey_AndReportsEveryError()
    {
        memory.Sources["scans"] = new MemorySource("scans");
        memory.Sources["fax"] = new MemorySource("fax");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new
            {
                scans = new { Type = "Memory", Cron = "every five minutes" },
                fax = new { Type = "Memory", EmergencyInterval = "-00:00:10" },
            },
        });

        var result = await CliRun.RunAsync(AddMemory, "run", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Channels:scans:Cron: 'every five minutes' is not a valid Quartz cron expression")
            .And.Contain("ContactCenter:Channels:fax:EmergencyInterval: must be positive");
    }

    [Fact]
    public async Task ConfigCheck_FactoryErrors_AreListedWithTheirKeys()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new { nobody = new { Type = "Memory" }, off = new { Type = "Nonsense", Enabled = false } },
        });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("ContactCenter:Channels:nobody: no memory source prepared").And.NotContain("off");
    }

    [Fact]
    public async Task ConfigCheck_MissingConfigFile_IsAUsageError()
    {
        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--config", folder.Combine("nope.json"));

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("--config: the file").And.Contain("does not exist");
    }

    [Fact]
    public async Task ConfigCheck_ValidConfig_PrintsEffectiveValuesWithSecretsMasked()
    {
        memory.Sources["inbox"] = new MemorySource("inbox");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Channels = new { inbox = new { Type = "Memory", Password = "hunter2", PasswordFile = "/run/credentials/imap" } },
        });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("hunter2").And.Contain("********").And.Contain("/run/credentials/imap");
        result.Output.Should().Contain("\"ContactCenter:Channels:inbox:Type\": \"Memory\"");
    }

    [Fact]
    public async Task ConfigCheck_SecretsInsideOtherValues_ConnectionStringPasswordAndWebhookUrlHidden()
    {
        memory.Sources["inbox"] = new MemorySource("inbox");
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = "Host=db1;Username=cc;Password=Hunter2Secret;SSL Mode=VerifyFull" } },
            Channels = new { inbox = new { Type = "Memory" } },
            Webhooks = new { Endpoints = new { crm = new { Enabled = false, Url = "https://crm:WebPass@hooks.example.it/services/T000/XXSECRETXX", SecretFile = "/run/credentials/crm" } } },
        });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("Hunter2Secret").And.NotContain("WebPass").And.NotContain("XXSECRETXX");
        result.Output.Should().Contain("Host=db1;Username=cc;Password=********;SSL Mode=VerifyFull").And.Contain("https://crm:********@hooks.example.it/…");
    }

    [Fact]
    public async Task ConfigCheck_PasswordUnderNpgsqlsPswSynonym_Hidden()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = "Host=db1;Username=cc;Psw=S3cretB" } },
        });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--json", "--config", config);

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().NotContain("S3cretB").And.Contain("Host=db1;Username=cc;Psw=********");
    }

    [Theory]
    [InlineData("--ContactCenter:Pipeline:ShutdownTimeout=-00:00:05", "ContactCenter:Pipeline:ShutdownTimeout: must be positive")]
    [InlineData("--ContactCenter:Store:Provider=7", "ContactCenter:Store:Provider: must be one of LiteDb, PostgreSql")]
    [InlineData("--ContactCenter:Mail:FollowUpFromStrangers=9", "ContactCenter:Mail:FollowUpFromStrangers: must be one of ")]
    [InlineData("--ContactCenter:Smtp:Security=5", "ContactCenter:Smtp:Security: must be one of ")]
    public async Task ConfigCheck_NumberForAnEnumOrNegativeTimeout_RefusedNamingTheKey(string setting, string expected)
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = true, From = "URP <urp@example.it>" },
            Smtp = new { Host = "smtp.example.it" },
        });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--config", config, setting);

        result.ExitCode.Should().Be(2, result.Output);
        result.Error.Should().Contain(expected);
    }

    [Fact]
    public async Task ConfigCheck_CommandLineKey_OverridesTheConfigFile_AndTyposAreUsageErrors()
    {
        var config = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = folder.Combine("data"), TicketPrefix = "PC" } });

        var result = await CliRun.RunAsync(AddMemory, "config", "check", "--json", "--config", config, "--ContactCenter:Store:TicketPrefix=URP");
        var typo = await CliRun.RunAsync(AddMemory, "config", "check", "--config", config, "--jsno");

        result.ExitCode.Should().Be(0, result.Error);
        result.Output.Should().Contain("\"ContactCenter:Store:TicketPrefix\": \"URP\"");
        typo.ExitCode.Should().Be(2);
        typo.Error.Should().Contain("--jsno");
    }

    [Theory]
    [InlineData("http://0.0.0.0:5280", "ContactCenter:Control:Url: '0.0.0.0' is not a loopback address")]
    [InlineData("http://127.0.0.1:5280", "ContactCenter:Control:RemoteUrl: ")]
    public async Task ConfigCheck_RefusesWhatRunRefuses_WithTheSameMessage(string url, string expected)
    {
        // The second case opens the network listener over plain http: run refuses it (TLS is required off loopback).
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Control = new { Url = url, RemoteUrl = url == "http://0.0.0.0:5280" ? null : "http://0.0.0.0:5281" },
        });

        var run = await CliRun.RunAsync(AddMemory, "run", "--config", config);
        var check = await CliRun.RunAsync(AddMemory, "config", "check", "--config", config);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain(expected);
        check.ExitCode.Should().Be(2, "config check must refuse what run refuses: " + check.Output);
        check.Error.Should().Be(run.Error);
    }

    [Fact]
    public async Task Run_InvalidStoreOption_StopsWithExitCode2()
    {
        var config = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = folder.Combine("data"), TicketPrefix = "P-C 1" } });

        var result = await CliRun.RunAsync(AddMemory, "run", "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("TicketPrefix");
    }

    private void AddMemory(HostApplicationBuilder builder) => builder.Services.AddSingleton<IChannelFactory>(memory);
}
