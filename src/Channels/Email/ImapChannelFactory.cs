using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Email;

/// <summary>Channels of <c>Type</c> <c>Imap</c>.</summary>
internal sealed class ImapChannelFactory : IChannelFactory
{
    public string Type => "Imap";

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        var options = ChannelSectionBinder.Bind<ImapChannelOptions>(section, Type, errors);
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

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        var options = section.Get<ImapChannelOptions>()!;
        return new ImapSource(
            section.Key, options, FactoryServices.Logger<ImapSource>(services), FactoryServices.Time(services),
            channel: options.Pec ? Core.Tickets.ChannelKind.Pec : Core.Tickets.ChannelKind.Email,
            maxMessageBytes: FactoryServices.MaxMessageBytes(services));
    }
}
