using ContactCenter.Channels.Email;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Configuration;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// Channels of <c>Type</c> <c>Voicemail</c>: the PBX's voicemail notifications, read by the IMAP, POP3 or mail-drop
/// source (<c>Source</c>, default <c>Imap</c>) with that source's own keys; every item carries
/// <see cref="ChannelKind.Voicemail"/>, so the voicemail normaliser reads it instead of the e-mail one.
/// </summary>
internal sealed class VoicemailChannelFactory : IChannelFactory
{
    public const string TypeName = "Voicemail";

    public string Type => TypeName;

    public IReadOnlyList<string> Validate(IConfigurationSection section)
    {
        var sourceKey = section.GetSection(nameof(VoicemailImapChannelOptions.Source));
        if (sourceKey.Value is { } text && !(Enum.TryParse<VoicemailSource>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)))
        {
            return [$"{sourceKey.Path}: '{text}' is not one of {string.Join(", ", Enum.GetNames<VoicemailSource>())}"];
        }

        var errors = SourceOf(section) switch
        {
            VoicemailSource.Pop3 => Pop3ChannelFactory.ValidateSection<VoicemailPop3ChannelOptions>(section, Type),
            VoicemailSource.MailDrop => MailDropChannelFactory.ValidateSection<VoicemailMailDropChannelOptions>(section, Type),
            _ => ImapChannelFactory.ValidateSection<VoicemailImapChannelOptions>(section, Type),
        };
        if (section.GetValue<bool>(nameof(MailConnectionOptions.Pec)))
        {
            // A PBX never writes certified mail; a PEC mailbox is an Imap, Pop3 or MailDrop channel with Pec: true.
            return [.. errors, $"{section.Path}:Pec: a Voicemail channel cannot be a PEC mailbox"];
        }

        return errors;
    }

    public ChannelOptions BindCommon(IConfigurationSection section) => section.Get<ChannelOptions>() ?? new ChannelOptions();

    public IInboundSource Create(IConfigurationSection section, IServiceProvider services)
    {
        FactoryServices.ThrowIfInvalid(Validate(section));
        return SourceOf(section) switch
        {
            VoicemailSource.Pop3 => Pop3ChannelFactory.CreateSource<VoicemailPop3ChannelOptions>(section, services, Type, _ => ChannelKind.Voicemail),
            VoicemailSource.MailDrop => MailDropChannelFactory.CreateSource<VoicemailMailDropChannelOptions>(
                section, services, Type, _ => ChannelKind.Voicemail),
            _ => ImapChannelFactory.CreateSource<VoicemailImapChannelOptions>(section, services, Type, _ => ChannelKind.Voicemail),
        };
    }

    private static VoicemailSource SourceOf(IConfigurationSection section) =>
        section.GetValue<VoicemailSource?>(nameof(VoicemailImapChannelOptions.Source)) ?? VoicemailSource.Imap;
}
