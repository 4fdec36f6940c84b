using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>MailDrop</c>; <c>Voicemail</c> reuses its checks and source under its own type.</summary>
internal sealed class MailDropChannelFactory : IChannelFactory
{
    public string Type => "MailDrop";

    public IReadOnlyList<string> Validate(IConfigurationSection section) => ValidateSection<MailDropChannelOptions>(section, Type);

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) =>
        CreateSource<MailDropChannelOptions>(section, services, Type, options => options.Pec ? ChannelKind.Pec : ChannelKind.Email);

    public static IReadOnlyList<string> ValidateSection<T>(IConfigurationSection section, string type)
        where T : MailDropChannelOptions, new()
    {
        var errors = new List<string>();
        ChannelSectionBinder.Bind<T>(section, type, errors);
        return errors;
    }

    /// <summary>The mail-drop source of a valid section; <paramref name="channel"/> says what its items are.</summary>
    public static MailDropSource CreateSource<T>(
        IConfigurationSection section, IServiceProvider services, string type, Func<T, ChannelKind> channel)
        where T : MailDropChannelOptions, new()
    {
        FactoryServices.ThrowIfInvalid(ValidateSection<T>(section, type));
        var options = section.Get<T>()!;
        return new MailDropSource(
            section.Key, options, FactoryServices.Logger<MailDropSource>(services), FactoryServices.Time(services), channel(options));
    }
}
