using ContactCenter.Channels.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class OcrServiceCollectionExtensionsTests
{
    [Fact]
    public void AddOcr_BindsSectionAndResolvesReaderOverOneSharedPool()
    {
        using var provider = Provider(new() { ["ContactCenter:Ocr:EngineCount"] = "3", ["ContactCenter:Ocr:Languages"] = "ita" });

        provider.GetRequiredService<IOptions<OcrOptions>>().Value.Should().BeEquivalentTo(new { EngineCount = 3, Languages = "ita" });
        provider.GetRequiredService<IDocumentTextReader>().Should().BeOfType<DocumentTextReader>();
        provider.GetRequiredService<TesseractEnginePool>().Should().BeSameAs(provider.GetRequiredService<TesseractEnginePool>());
    }

    [Fact]
    public async Task AddOcr_InvalidSection_StopsHostStartNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ContactCenter:Ocr:MaxPages"] = "0" });
        builder.Services.AddOcr(builder.Configuration);
        using var host = builder.Build();

        var act = () => host.StartAsync();

        await act.Should().ThrowAsync<OptionsValidationException>().WithMessage("*ContactCenter:Ocr:MaxPages*");
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddOcr(configuration);
        return services.BuildServiceProvider();
    }
}
