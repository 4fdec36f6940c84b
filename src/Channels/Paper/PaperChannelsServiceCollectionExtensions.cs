using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Postal;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Channels.Paper;

public static class PaperChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The scanned-mail folder (<c>ScanFolder</c>) and fax (<c>FaxSpool</c>, <c>FaxMail</c>) channel types and the normalisers of
    /// paper and fax items. Needs an <c>IDocumentTextReader</c> (the OCR registration) and an <c>IContentArchive</c>.
    /// </summary>
    public static IServiceCollection AddPaperChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaperOptions>()
            .Bind(configuration.GetSection(PaperOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PaperTextExtractor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, ScanFolderChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, FaxSpoolChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, FaxMailChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IItemNormalizer, PaperNormalizer>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IItemNormalizer, FaxMailNormalizer>());
        return services;
    }
}
