using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Email;

public sealed class MailNormalizerOptionsTests : IDisposable
{
    private readonly TempDirectory directory = new("cc-mailopts");

    [Fact]
    public void AddEmailNormalizer_BindsTheMailSectionAndRegistersTheNormalizer()
    {
        using var host = BuildHost(new()
        {
            ["ContactCenter:Mail:OwnAddresses:0"] = "protezionecivile.example.it",
            ["ContactCenter:Mail:MaxMessageBytes"] = "1048576",
            ["ContactCenter:Mail:NoReplyPatterns:0"] = "notifiche",
        });

        var options = host.Services.GetRequiredService<IOptions<MailNormalizerOptions>>().Value;
        options.OwnAddresses.Should().Equal("protezionecivile.example.it");
        options.MaxMessageBytes.Should().Be(1048576);
        options.MaxAttachments.Should().Be(500);
        options.NoReplyPatterns.Should().Contain(["noreply", "notifiche"], "configured patterns add to the defaults");
        host.Services.GetServices<IItemNormalizer>().Should().ContainSingle().Which.Should().BeOfType<EmailNormalizer>();
    }

    [Theory]
    [InlineData("ContactCenter:Mail:MaxMessageBytes", "0")]
    [InlineData("ContactCenter:Mail:MaxAttachments", "0")]
    [InlineData("ContactCenter:Mail:MaxMimeDepth", "5000")]
    [InlineData("ContactCenter:Mail:MaxBodyChars", "100000000")]
    [InlineData("ContactCenter:Mail:OwnAddresses:0", "not an address")]
    public async Task Start_WithInvalidMailOption_FailsNamingTheKey(string key, string value)
    {
        using var host = BuildHost(new() { [key] = value });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).WithMessage($"*{key}*");
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var result = new MailNormalizerOptionsValidator().Validate(null, new MailNormalizerOptions());

        result.Succeeded.Should().BeTrue();
        new MailNormalizerOptions().MaxMessageBytes.Should().Be(100L * 1024 * 1024);
    }

    private IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(TicketStoreFactory.OpenArchive(new StoreOptions { DataDirectory = directory.Path }));
        builder.Services.AddEmailNormalizer(builder.Configuration);
        return builder.Build();
    }

    public void Dispose() => directory.Dispose();
}
