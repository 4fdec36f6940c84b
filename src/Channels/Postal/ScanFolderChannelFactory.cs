using ContactCenter.Channels.Paper;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Postal;

/// <summary>Creates the source of a <c>Type: ScanFolder</c> channel.</summary>
internal sealed class ScanFolderChannelFactory : IChannelFactory
{
    public string Type => ScanFolderChannelOptions.TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section) =>
        ChannelSectionBinder.TryBind<ScanFolderChannelOptions>(section).Errors;

    public ChannelOptions BindCommon(IConfigurationSection section) => ChannelSectionBinder.Bind<ScanFolderChannelOptions>(section);

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) => new ScanFolderSource(
        section.Key,
        ChannelSectionBinder.Bind<ScanFolderChannelOptions>(section),
        services.GetService<TimeProvider>() ?? TimeProvider.System,
        services.GetRequiredService<ILogger<ScanFolderSource>>());
}
