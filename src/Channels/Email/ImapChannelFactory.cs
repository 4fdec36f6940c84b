using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>Imap</c>; <c>FaxMail</c> reuses its checks and source under its own type.</summary>
internal sealed class ImapChannelFactory : IChannelFactory
{
    public string Type => "Imap";

    public IReadOnlyList<string> Validate(IConfigurationSection section) => ValidateSection<ImapChannelOptions>(section, Type);

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) =>
        CreateSource<ImapChannelOptions>(section, services, Type, options => options.Pec ? ChannelKind.Pec : ChannelKind.Email);

    /// <summary>The checks of a section holding IMAP settings, bound as <typeparamref name="T"/> for <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> ValidateSection<T>(IConfigurationSection section, string type)
        where T : ImapChannelOptions, new()
    {
        var errors = new List<string>();
        var options = ChannelSectionBinder.Bind<T>(section, type, errors);
        if (options is not null)
        {
            MailConnectionValidation.Check(options, section.Path, errors);
            if (!Enum.IsDefined(options.AfterImport))
            {
                errors.Add($"{section.Path}:AfterImport: must be one of {string.Join(", ", Enum.GetNames<ImapAfterImport>())}");
            }
        }

        return errors;
    }

    /// <summary>The IMAP source of a valid section; <paramref name="channel"/> says what its items are.</summary>
    public static ImapSource CreateSource<T>(
        IConfigurationSection section, IServiceProvider services, string type, Func<T, ChannelKind> channel)
        where T : ImapChannelOptions, new()
    {
        FactoryServices.ThrowIfInvalid(ValidateSection<T>(section, type));
        var options = section.Get<T>()!;
        return new ImapSource(
            section.Key, options, FactoryServices.Logger<ImapSource>(services), FactoryServices.Time(services),
            channel: channel(options), maxMessageBytes: FactoryServices.MaxMessageBytes(services),
            oauth2: FactoryServices.OAuth2(services, section.Key, options), quotas: services.GetService<MailboxQuotaRegistry>());
    }
}
