using ContactCenter.Channels.Email.Salvage;
using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A parsed message, for each forwarded message inside it where its bytes lie in the spooled original, and what was
/// salvaged on the way. <paramref name="Source"/> is the stream the parser read, which starts <paramref name="Skip"/> bytes
/// into the original (after junk lines before the first header).
/// </summary>
internal sealed record ParsedMessage(
    MimeMessage Message, IReadOnlyDictionary<MessagePart, ByteRange> NestedMessages, MailSalvageReport Salvage, Stream Source, long Skip)
{
    /// <summary>
    /// Where a part's content lies in <paramref name="original"/> (this message's archived bytes), when it is still the
    /// slice the parser left (not content a salvage or an unpacked winmail.dat made).
    /// </summary>
    public OriginalSlice? SliceOf(IMimeContent? content, TicketAttachment original) => OriginalSliceReader.SliceOf(content, Source, Skip, original);
}
