using ContactCenter.Channels.Email;
using ContactCenter.Core.Channels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailChannelFactoryTests
{
    private const string Prefix = "ContactCenter:Channels:urp";

    [Fact]
    public void Validate_ValidImap_HasNoErrors()
    {
        var errors = Factory("Imap").Validate(Section(("Type", "Imap"), ("Host", "mail.example.it"), ("Port", "993"),
            ("User", "urp"), ("PasswordFile", "imap-password"), ("AfterImport", "MarkSeen"), ("ImportSince", "2026-01-01")));

        errors.Should().BeEmpty();
    }

    [Fact]
    public void Validate_MissingHostAndPassword_NamesTheKeys()
    {
        var errors = Factory("Imap").Validate(Section(("Type", "Imap"), ("User", "urp")));

        errors.Should().Contain(e => e.StartsWith($"{Prefix}:Host: ") && e.Contains("required"));
        errors.Should().Contain(e => e.StartsWith($"{Prefix}:Password: ") && e.Contains("exactly one"));
    }

    [Fact]
    public void Validate_TwoPasswordSources_IsAnError()
    {
        var errors = Factory("Pop3").Validate(Section(("Type", "Pop3"), ("Host", "h"), ("User", "u"), ("Password", "p"),
            ("PasswordEnvironmentVariable", "POP_PW")));

        errors.Should().ContainSingle().Which.Should().Contain($"{Prefix}:Password").And.Contain("found 2");
    }

    [Theory]
    [InlineData("Port", "70000", "Port must be 1 to 65535")]
    [InlineData("Port", "abc", "is not a valid Int32")]
    [InlineData("Security", "Tls", "is not one of None, StartTls, SslOnConnect")]
    [InlineData("AfterImport", "Archive", "is not one of Move, MarkSeen, Delete")]
    [InlineData("Timeout", "soon", "is not a time span")]
    [InlineData("Pasword", "x", "unknown setting for a Imap channel")]
    public void Validate_BadValue_NamesKeyAndProblem(string key, string value, string message)
    {
        var errors = Factory("Imap").Validate(Section(("Type", "Imap"), ("Host", "h"), ("User", "u"), ("Password", "p"), (key, value)));

        errors.Should().Contain(e => e.StartsWith($"{Prefix}:{key}: ") && e.Contains(message));
    }

    [Fact]
    public void Validate_BadPasswordValue_IsNeverEchoed()
    {
        var errors = Factory("Imap").Validate(Section(("Type", "Imap"), ("Host", "h"), ("User", "u"), ("Password:0", "s3cr3t")));

        errors.Should().NotBeEmpty().And.NotContain(e => e.Contains("s3cr3t"));
    }

    [Fact]
    public void Validate_MailDropWithoutPath_NamesPath()
    {
        var errors = Factory("MailDrop").Validate(Section(("Type", "MailDrop")));

        errors.Should().ContainSingle().Which.Should().StartWith($"{Prefix}:Path: ");
    }

    [Fact]
    public async Task Create_ValidSections_BuildsNamedSources()
    {
        using var folder = new ContactCenter.Testing.TempDirectory();
        var services = new ServiceCollection().AddEmailChannels().BuildServiceProvider();

        await using var imap = Factory("Imap").Create(Section(("Type", "Imap"), ("Host", "h"), ("User", "u"), ("Password", "p")), services);
        await using var drop = Factory("MailDrop").Create(Section(("Type", "MailDrop"), ("Path", folder.Path)), services);

        imap.Should().BeOfType<ImapSource>().Which.Name.Should().Be("urp");
        drop.Should().BeOfType<MailDropSource>();
        services.GetServices<IChannelFactory>().Select(f => f.Type).Should().BeEquivalentTo("Imap", "Pop3", "MailDrop");
    }

    [Fact]
    public async Task Create_PecTrue_SourcesDeliverPecItems()
    {
        using var folder = new ContactCenter.Testing.TempDirectory();
        var services = new ServiceCollection().AddEmailChannels().BuildServiceProvider();

        await using var imap = Factory("Imap").Create(Section(("Type", "Imap"), ("Host", "h"), ("User", "u"), ("Password", "p"), ("Pec", "true")), services);
        await using var pop3 = Factory("Pop3").Create(Section(("Type", "Pop3"), ("Host", "h"), ("User", "u"), ("Password", "p"), ("Pec", "true"), ("StateDirectory", folder.Path)), services);
        await using var drop = Factory("MailDrop").Create(Section(("Type", "MailDrop"), ("Path", folder.Path), ("Pec", "true")), services);
        await using var plain = Factory("Imap").Create(Section(("Type", "Imap"), ("Host", "h"), ("User", "u"), ("Password", "p")), services);

        new[] { imap, pop3, drop }.Should().AllSatisfy(s => s.Channel.Should().Be(ContactCenter.Core.Tickets.ChannelKind.Pec));
        plain.Channel.Should().Be(ContactCenter.Core.Tickets.ChannelKind.Email);
    }

    private static IChannelFactory Factory(string type) =>
        new ServiceCollection().AddEmailChannels().BuildServiceProvider().GetServices<IChannelFactory>().Single(f => f.Type == type);

    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>($"{Prefix}:{v.Key}", v.Value)))
            .Build()
            .GetSection(Prefix);
}
