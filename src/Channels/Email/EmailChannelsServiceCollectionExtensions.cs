using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ContactCenter.Channels.Email;

/// <summary>Registers the e-mail channel types (Imap, Pop3, MailDrop).</summary>
public static class EmailChannelsServiceCollectionExtensions
{
    public static IServiceCollection AddEmailChannels(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, ImapChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, Pop3ChannelFactory>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChannelFactory, MailDropChannelFactory>());
        services.AddOAuth2Tokens();
        services.TryAddSingleton<MailboxQuotaRegistry>();
        return services;
    }
}
