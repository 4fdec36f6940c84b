using System.Security.Cryptography;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;
using MimeKit;
using MimeKit.IO;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Records each pending attachment: one whose bytes the parser left as a slice of the original is hashed as it decodes
/// and read from the archived original later (<see cref="OriginalSliceReader"/>); only what exists nowhere in the
/// original (parts a salvage rewrote, files unpacked from a winmail.dat) is streamed into the archive apart.
/// </summary>
internal sealed class AttachmentArchiver(IContentArchive archive)
{
    private static readonly FormatOptions CanonicalFormat = CreateCanonicalFormat();

    public async Task<TicketAttachment> StoreAsync(
        PendingAttachment pending, ParsedMessage parsed, Stream spool, TicketAttachment original, CancellationToken cancellationToken)
    {
        var (content, slice) = await OpenAsync(pending.Entity, parsed, spool, original, cancellationToken).ConfigureAwait(false);
        await using (content.ConfigureAwait(false))
        {
            var stored = slice is not null
                ? await HashAsync(content, slice, cancellationToken).ConfigureAwait(false)
                : await archive.StoreAsync(content, pending.FileName, pending.ContentType, cancellationToken).ConfigureAwait(false);
            stored.FileName = pending.FileName;
            stored.ContentType = pending.ContentType;
            stored.IsInline = pending.IsInline;
            stored.ContentId = pending.ContentId;
            return stored;
        }
    }

    private static async Task<TicketAttachment> HashAsync(Stream content, OriginalSlice slice, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var size = await HashingCopy.CopyAsync(content, Stream.Null, hash, cancellationToken).ConfigureAwait(false);
        return new TicketAttachment { Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Size = size, InOriginal = slice };
    }

    /// <summary>
    /// A part already decoded in memory (a voicemail's recording, a fax mail's document): recorded as its
    /// <paramref name="slice"/> of the original when the parser left one, else archived.
    /// </summary>
    public static async Task<TicketAttachment> RecordDecodedAsync(IContentArchive archive,
        ArraySegment<byte> decoded, OriginalSlice? slice, string fileName, string contentType, CancellationToken cancellationToken)
    {
        if (slice is null)
        {
            return await archive.StoreAsync(new MemoryStream(decoded.Array!, decoded.Offset, decoded.Count, writable: false), fileName, contentType,
                cancellationToken).ConfigureAwait(false);
        }

        return new TicketAttachment
        {
            FileName = SafeFileName.From(fileName), ContentType = contentType,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(decoded)), Size = decoded.Count, InOriginal = slice,
        };
    }

    private static async Task<(Stream Content, OriginalSlice? Slice)> OpenAsync(
        MimeEntity entity, ParsedMessage parsed, Stream spool, TicketAttachment original, CancellationToken cancellationToken)
    {
        switch (entity)
        {
            case MessagePart forwarded when parsed.NestedMessages.TryGetValue(forwarded, out var range):
                return (OriginalSliceReader.Open(spool, range.Start, range.End, ContentEncoding.Binary), OriginalSliceReader.Slice(original, range, ContentEncoding.Binary));
            case MessagePart forwarded when forwarded.Message is not null:
                // Only messages MimeKit built itself (inside a winmail.dat) have no bytes of their own to copy.
                var buffer = new MemoryStream();
                await forwarded.Message.WriteToAsync(CanonicalFormat, buffer, cancellationToken).ConfigureAwait(false);
                buffer.Position = 0;
                return (buffer, null);
            case MimePart { Content: { } content } when parsed.SliceOf(content, original) is { } slice:
                // Decoded exactly as a later read decodes it, from the same bytes: the hash recorded is the one it checks.
                return (OriginalSliceReader.Open(spool, slice.Start, slice.End, content.Encoding), slice);
            case MimePart { Content: not null } part:
                return (part.Content.Open(), null);
            default:
                return (new MemoryStream([], writable: false), null);
        }
    }

    private static FormatOptions CreateCanonicalFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }
}
