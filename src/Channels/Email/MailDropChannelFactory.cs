using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>MailDrop</c>.</summary>
internal sealed class MailDropChannelFactory : IChannelFactory
{
    public string Type => "MailDrop";

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        ChannelSectionBinder.Bind<MailDropChannelOptions>(section, Type, errors);
        return errors;
    }

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        var options = section.Get<MailDropChannelOptions>()!;
        return new MailDropSource(section.Key, options, FactoryServices.Logger<MailDropSource>(services), FactoryServices.Time(services));
    }
}
