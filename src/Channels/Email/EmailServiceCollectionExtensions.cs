using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>Registers the e-mail normaliser and its <c>ContactCenter:Mail</c> options.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>EmailNormalizer</c> as an <see cref="IItemNormalizer"/> (singleton). Needs an
    /// <see cref="Core.Storage.IContentArchive"/>, registered by the store.
    /// </summary>
    public static IServiceCollection AddEmailNormalizer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailNormalizerOptions>()
            .Bind(configuration.GetSection(MailNormalizerOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailNormalizerOptions>, MailNormalizerOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IItemNormalizer, EmailNormalizer>());
        return services;
    }
}
