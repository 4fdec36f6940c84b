using ContactCenter.Channels.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class OcrServiceCollectionExtensions
{
    /// <summary>
    /// Registers the OCR reader ("ContactCenter:Ocr"): options validated at start, the engine pool (one per process)
    /// and <c>IDocumentTextReader</c>. Call <c>TesseractEnginePool.EnsureAvailable()</c> at start when an OCR channel
    /// is configured, so a missing library or language stops the service with a clear message.
    /// </summary>
    public static IServiceCollection AddOcr(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OcrOptions>().Bind(configuration.GetSection(OcrOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OcrOptions>, OcrOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TesseractEnginePool>();
        services.TryAddSingleton<IDocumentTextReader, DocumentTextReader>();
        return services;
    }
}
