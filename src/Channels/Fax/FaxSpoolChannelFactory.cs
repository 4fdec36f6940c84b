using ContactCenter.Channels.Email;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Fax;

/// <summary>Creates the source of a <c>Type: FaxSpool</c> channel.</summary>
internal sealed class FaxSpoolChannelFactory : IChannelFactory
{
    public string Type => FaxSpoolChannelOptions.TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        ChannelSectionBinder.Bind<FaxSpoolChannelOptions>(section, Type, errors);
        return errors;
    }

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        return new FaxSpoolSource(
            section.Key,
            section.Get<FaxSpoolChannelOptions>()!,
            FactoryServices.Time(services),
            FactoryServices.Logger<FaxSpoolSource>(services));
    }
}
