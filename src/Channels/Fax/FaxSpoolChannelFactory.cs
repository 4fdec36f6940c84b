using ContactCenter.Channels.Paper;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

/// <summary>Creates the source of a <c>Type: FaxSpool</c> channel.</summary>
internal sealed class FaxSpoolChannelFactory : IChannelFactory
{
    public string Type => FaxSpoolChannelOptions.TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section) =>
        ChannelSectionBinder.TryBind<FaxSpoolChannelOptions>(section).Errors;

    public ChannelOptions BindCommon(IConfigurationSection section) => ChannelSectionBinder.Bind<FaxSpoolChannelOptions>(section);

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) => new FaxSpoolSource(
        section.Key,
        ChannelSectionBinder.Bind<FaxSpoolChannelOptions>(section),
        services.GetService<TimeProvider>() ?? TimeProvider.System,
        services.GetRequiredService<ILogger<FaxSpoolSource>>());
}
