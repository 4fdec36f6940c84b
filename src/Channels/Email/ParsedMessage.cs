using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>A parsed message and, for each forwarded message inside it, where its bytes lie in the spooled original.</summary>
internal sealed record ParsedMessage(MimeMessage Message, IReadOnlyDictionary<MessagePart, ByteRange> NestedMessages);
