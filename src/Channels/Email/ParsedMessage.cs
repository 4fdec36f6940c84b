using ContactCenter.Channels.Email.Salvage;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A parsed message, for each forwarded message inside it where its bytes lie in the spooled original, and what was
/// salvaged on the way.
/// </summary>
internal sealed record ParsedMessage(MimeMessage Message, IReadOnlyDictionary<MessagePart, ByteRange> NestedMessages, MailSalvageReport Salvage);
