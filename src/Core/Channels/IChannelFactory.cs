using Microsoft.Extensions.Configuration;

namespace ContactCenter.Core.Channels;

/// <summary>Creates the source of one configured channel type; registered once per type by the Channels project.</summary>
public interface IChannelFactory
{
    /// <summary>The <c>Type</c> value in appsettings this factory handles, e.g. <c>Imap</c>.</summary>
    string Type { get; }

    /// <summary>Binds and checks a channel section; each error names its full key, e.g. <c>ContactCenter:Channels:urp:Port</c>.</summary>
    IReadOnlyList<string> Validate(IConfigurationSection section);

    /// <summary>Binds the common options (schedule, batch size) of a channel section.</summary>
    ChannelOptions BindCommon(IConfigurationSection section);

    Intake.IInboundSource Create(IConfigurationSection section, IServiceProvider services);
}
