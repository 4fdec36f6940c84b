using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>What the walk over a message's MIME tree found: body text parts, attachments and anything odd.</summary>
internal sealed class MimeContents
{
    public List<TextPart> PlainParts { get; } = [];

    public List<TextPart> HtmlParts { get; } = [];

    public List<PendingAttachment> Attachments { get; } = [];

    /// <summary>The message text carried inside a winmail.dat, used when the message has no other text.</summary>
    public string? TnefText { get; set; }

    public string? TnefHtml { get; set; }

    /// <summary>Parts that could not be read as intended (kept as plain attachments), for the log and the ticket.</summary>
    public List<string> Problems { get; } = [];
}
