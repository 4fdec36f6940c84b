using ContactCenter.Channels.Email;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Postal;

/// <summary>Creates the source of a <c>Type: ScanFolder</c> channel.</summary>
internal sealed class ScanFolderChannelFactory : IChannelFactory
{
    public string Type => ScanFolderChannelOptions.TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        ChannelSectionBinder.Bind<ScanFolderChannelOptions>(section, Type, errors);
        return errors;
    }

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        return new ScanFolderSource(
            section.Key,
            section.Get<ScanFolderChannelOptions>()!,
            FactoryServices.Time(services),
            FactoryServices.Logger<ScanFolderSource>(services));
    }
}
