using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Postal;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class PaperChannelsServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-paper-di");

    public void Dispose() => folder.Dispose();

    [Fact]
    public void AddPaperChannels_RegistersFactoriesAndNormalisers()
    {
        using var provider = Build([]);

        provider.GetServices<IChannelFactory>().Select(f => f.Type).Should().BeEquivalentTo("ScanFolder", "FaxSpool", "FaxMail");
        provider.GetServices<IItemNormalizer>().Select(n => n.GetType())
            .Should().BeEquivalentTo([typeof(PaperNormalizer), typeof(FaxMailNormalizer)]);
        provider.GetRequiredService<IOptions<PaperOptions>>().Value.MaxPartsPerFile.Should().Be(100);
    }

    [Fact]
    public void AddPaperChannels_CalledTwice_RegistersOnce()
    {
        var services = new ServiceCollection();
        var configuration = new ConfigurationBuilder().Build();
        services.AddPaperChannels(configuration).AddPaperChannels(configuration);

        services.Count(d => d.ServiceType == typeof(IChannelFactory)).Should().Be(3);
    }

    [Fact]
    public void AddPaperChannels_MaxPartsPerFileOutOfRange_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["ContactCenter:Paper:MaxPartsPerFile"] = "0" });

        var act = () => provider.GetRequiredService<IOptions<PaperOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().WithMessage("*MaxPartsPerFile*");
    }

    [Fact]
    public async Task ScanFolderFactory_CreatesTheNamedSource()
    {
        using var provider = Build(new()
        {
            ["ContactCenter:Channels:posta:Type"] = "ScanFolder",
            ["ContactCenter:Channels:posta:Paths:0"] = folder.Path,
            ["ContactCenter:Channels:posta:StableFor"] = "00:00:30",
            ["ContactCenter:Channels:posta:BatchSize"] = "5",
        });
        var section = provider.GetRequiredService<IConfiguration>().GetSection("ContactCenter:Channels:posta");
        var factory = provider.GetServices<IChannelFactory>().Single(f => f.Type == "ScanFolder");

        factory.Validate(section).Should().BeEmpty();
        factory.BindCommon(section).BatchSize.Should().Be(5);
        await using var source = factory.Create(section, provider);

        source.Name.Should().Be("posta");
        source.Channel.Should().Be(Core.Tickets.ChannelKind.Postal);
    }

    [Fact]
    public void ScanFolderFactory_Validate_NamesEachBadKey()
    {
        var section = Section(new()
        {
            ["ContactCenter:Channels:posta:Type"] = "ScanFolder",
            ["ContactCenter:Channels:posta:StableFor"] = "02:00:00",
            ["ContactCenter:Channels:posta:Extensions:0"] = "pdf",
        });

        new ScanFolderChannelFactory().Validate(section).Should().BeEquivalentTo(
            "ContactCenter:Channels:posta:Paths: at least one folder is required and none may be empty (for ScanFolder)",
            "ContactCenter:Channels:posta:StableFor: must be between 00:00:00 and 01:00:00 (for ScanFolder)",
            "ContactCenter:Channels:posta:Extensions: each extension starts with a dot, e.g. \".pdf\" (for ScanFolder)");
    }

    [Fact]
    public void ScanFolderFactory_Validate_UnconvertibleValueNamed()
    {
        var section = Section(new()
        {
            ["ContactCenter:Channels:posta:Type"] = "ScanFolder",
            ["ContactCenter:Channels:posta:Paths:0"] = "/srv/scan",
            ["ContactCenter:Channels:posta:AfterImport"] = "Shred",
        });

        new ScanFolderChannelFactory().Validate(section).Should().Equal(
            "ContactCenter:Channels:posta:AfterImport: 'Shred' is not one of MoveToDone, ArchiveAndRemove");
    }

    [Fact]
    public void FaxSpoolFactory_Validate_MoveWithoutDonePath()
    {
        var section = Section(new()
        {
            ["ContactCenter:Channels:fax:Type"] = "FaxSpool",
            ["ContactCenter:Channels:fax:Path"] = "/var/spool/hylafax/recvq",
            ["ContactCenter:Channels:fax:MoveAfterImport"] = "true",
        }, "fax");

        new FaxSpoolChannelFactory().Validate(section).Should().Equal(
            "ContactCenter:Channels:fax:DonePath: is required when MoveAfterImport is true (for FaxSpool)");
    }

    private static IConfigurationSection Section(Dictionary<string, string?> values, string name = "posta") =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection($"ContactCenter:Channels:{name}");

    private ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(ContentArchives.InFolder(folder.Combine("archive")));
        services.AddSingleton<IDocumentTextReader>(new FixedTextReader());
        services.AddPaperChannels(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void ScanFolderFactory_Validate_MisspelledKeyNamed()
    {
        var section = Section(new()
        {
            ["ContactCenter:Channels:posta:Type"] = "ScanFolder",
            ["ContactCenter:Channels:posta:Path"] = "/srv/scan",
        });

        new ScanFolderChannelFactory().Validate(section).Should().ContainSingle()
            .Which.Should().StartWith("ContactCenter:Channels:posta:Path: unknown setting for a ScanFolder channel");
    }
}
