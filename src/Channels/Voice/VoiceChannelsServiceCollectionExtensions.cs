using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Channels.Voice;

public static class VoiceChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The <c>Voicemail</c> channel type, its normaliser and <c>ContactCenter:Voicemail</c>. Needs the e-mail
    /// normaliser's options (<c>AddEmailNormalizer</c>) and an <c>IContentArchive</c>.
    /// </summary>
    public static IServiceCollection AddVoiceChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoicemailOptions>()
            .Bind(configuration.GetSection(VoicemailOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, VoicemailChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IItemNormalizer, VoicemailNormalizer>());
        return services;
    }
}
