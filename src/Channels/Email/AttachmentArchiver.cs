using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using MimeKit;
using MimeKit.IO;

namespace ContactCenter.Channels.Email;

/// <summary>Streams each pending attachment into the content archive: decoded parts, forwarded messages byte for byte.</summary>
internal sealed class AttachmentArchiver(IContentArchive archive)
{
    private static readonly FormatOptions CanonicalFormat = CreateCanonicalFormat();

    public async Task<TicketAttachment> StoreAsync(
        PendingAttachment pending, ParsedMessage parsed, Stream spool, CancellationToken cancellationToken)
    {
        var content = await OpenAsync(pending.Entity, parsed, spool, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var stored = await archive.StoreAsync(content, pending.FileName, pending.ContentType, cancellationToken).ConfigureAwait(false);
            stored.FileName = pending.FileName;
            stored.ContentType = pending.ContentType;
            stored.IsInline = pending.IsInline;
            stored.ContentId = pending.ContentId;
            return stored;
        }
    }

    private static async Task<Stream> OpenAsync(MimeEntity entity, ParsedMessage parsed, Stream spool, CancellationToken cancellationToken)
    {
        switch (entity)
        {
            case MessagePart forwarded when parsed.NestedMessages.TryGetValue(forwarded, out var range):
                return new BoundStream(spool, range.Start, range.End, leaveOpen: true);
            case MessagePart forwarded when forwarded.Message is not null:
                // Only messages MimeKit built itself (inside a winmail.dat) have no bytes of their own to copy.
                var buffer = new MemoryStream();
                await forwarded.Message.WriteToAsync(CanonicalFormat, buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                return buffer;
            case MimePart { Content: not null } part:
                return part.Content.Open();
            default:
                return new MemoryStream([], writable: false);
        }
    }

    private static FormatOptions CreateCanonicalFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
