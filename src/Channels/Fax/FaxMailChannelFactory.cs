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

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var errors = new List<string>();
        var options = ChannelSectionBinder.Bind<FaxMailChannelOptions>(section, Type, errors);
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
        var options = section.Get<FaxMailChannelOptions>()!;
        return new ImapSource(
            section.Key, options, FactoryServices.Logger<ImapSource>(services), FactoryServices.Time(services), channel: ChannelKind.Fax,
            maxMessageBytes: FactoryServices.MaxMessageBytes(services));
    }
}
