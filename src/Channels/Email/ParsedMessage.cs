using ContactCenter.Channels.Email.Salvage;
using MimeKit;
using MimeKit.IO;

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
    /// Where a part's encoded content lies in the original, when it is still the slice the parser left (not content a
    /// salvage or an unpacked winmail.dat made).
    /// </summary>
    public ByteRange? RangeOf(IMimeContent content) =>
        content.Stream is BoundStream { EndBoundary: >= 0 } bound && ReferenceEquals(bound.BaseStream, Source)
            ? new ByteRange(bound.StartBoundary + Skip, bound.EndBoundary + Skip)
            : null;
}
