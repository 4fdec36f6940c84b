using ContactCenter.Channels.Email;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Fax;

/// <summary>Channels of <c>Type</c> <c>FaxMail</c>: an IMAP source whose items carry <see cref="ChannelKind.Fax"/>.</summary>
internal sealed class FaxMailChannelFactory : IChannelFactory
{
    public string Type => FaxMailChannelOptions.TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section) =>
        ImapChannelFactory.ValidateSection<FaxMailChannelOptions>(section, Type);

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services) =>
        ImapChannelFactory.CreateSource<FaxMailChannelOptions>(section, services, Type, _ => ChannelKind.Fax);
}
