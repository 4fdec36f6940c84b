using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class AcknowledgementServiceCollectionExtensionsTests : IDisposable
{
    private static readonly Dictionary<string, string?> Valid = new()
    {
        ["ContactCenter:Receipts:From"] = "Contact Center Protezione Civile <contactcenter@protezionecivile.example.it>",
        ["ContactCenter:Receipts:MaxPerSenderPerDay"] = "5",
        ["ContactCenter:Receipts:RetryBackoff:Initial"] = "00:01:00",
        ["ContactCenter:Receipts:OwnAddresses:0"] = "urp@protezionecivile.example.it",
        ["ContactCenter:Mail:OwnAddresses:0"] = "segnalazioni@protezionecivile.example.it",
        ["ContactCenter:Smtp:Host"] = "smtp.example.it",
        ["ContactCenter:Smtp:Security"] = "SslOnConnect",
        ["ContactCenter:Smtp:Port"] = "465",
    };

    [Fact]
    public void AddReceipts_ValidConfiguration_ResolvesSenderAndBindsOptions()
    {
        using var provider = Build(Valid);
        provider.GetRequiredService<IStartupValidator>().Validate();

        provider.GetRequiredService<OutboxSender>().Should().NotBeNull();
        provider.GetRequiredService<IReceiptPolicy>().Should().BeOfType<ReceiptPolicy>();
        var receipts = provider.GetRequiredService<IOptions<ReceiptOptions>>().Value;
        receipts.MaxPerSenderPerDay.Should().Be(5);
        receipts.RetryBackoff.Initial.Should().Be(TimeSpan.FromMinutes(1));
        receipts.RetryBackoff.Max.Should().Be(TimeSpan.FromMinutes(30), "defaults stay where nothing is configured");
        receipts.OwnAddresses.Should().BeEquivalentTo("urp@protezionecivile.example.it", "segnalazioni@protezionecivile.example.it");
        provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Security.Should().Be(SmtpSecurity.SslOnConnect);
    }

    [Theory]
    [InlineData("ContactCenter:Smtp:Host", "", "ContactCenter:Smtp:Host")]
    [InlineData("ContactCenter:Receipts:From", "not an address", "ContactCenter:Receipts:From")]
    [InlineData("ContactCenter:Receipts:TemplateText", "templates/missing.txt", "ContactCenter:Receipts:TemplateText")]
    [InlineData("ContactCenter:Receipts:MaxPerSenderPerDay", "0", "ContactCenter:Receipts:MaxPerSenderPerDay")]
    [InlineData("ContactCenter:Smtp:User", "contactcenter", "ContactCenter:Smtp:User")]
    public void AddReceipts_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var provider = Build(new Dictionary<string, string?>(Valid) { [key] = value });

        // What the host runs at start because of ValidateOnStart; several failures come as an AggregateException.
        var errors = new List<Exception>();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
        }
        catch (AggregateException all)
        {
            errors.AddRange(all.InnerExceptions);
        }
        catch (OptionsValidationException one)
        {
            errors.Add(one);
        }

        errors.Should().NotBeEmpty();
        errors.Should().AllBeOfType<OptionsValidationException>();
        string.Join("\n", errors.Select(e => e.Message)).Should().Contain(named);
    }

    [Fact]
    public void AddReceipts_Disabled_NeedsNoSmtpHost()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["ContactCenter:Receipts:Enabled"] = "false",
        });

        provider.GetRequiredService<IStartupValidator>().Validate();
        provider.GetRequiredService<IOptions<SmtpOptions>>().Value.Host.Should().BeEmpty();
    }

    private readonly TempDirectory data = new("cc-receipts-di");

    public void Dispose() => data.Dispose();

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings)
            .AddInMemoryCollection([new("ContactCenter:Store:DataDirectory", data.Path)])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTicketStore(configuration);
        services.AddReceipts(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
