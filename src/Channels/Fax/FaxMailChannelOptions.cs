using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// A fax-to-e-mail mailbox (HylaFAX faxrcvd, Asterisk/FreePBX fax2mail): the IMAP settings of an <c>Imap</c> channel,
/// read by the same source, whose items are faxes.
/// </summary>
internal sealed class FaxMailChannelOptions : ImapChannelOptions
{
    public const string TypeName = "FaxMail";
}
