using ContactCenter.Channels.Email;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// A fax delivered by a fax-to-e-mail gateway (Channel Fax, content <c>message/rfc822</c>): archives the .eml, reads
/// the TIFF (or, when there is none, the PDF) attachments (kept as slices of the .eml) and takes the sender's number
/// from the gateway's subject and body. The gateway's own From address is never used as the reply address: receipts
/// would go to the fax server. The message is spooled, parsed and checked with the e-mail normaliser's limits
/// (<c>ContactCenter:Mail</c>): a gateway's mailbox takes mail from anyone who knows its address.
/// </summary>
internal sealed class FaxMailNormalizer(
    IContentArchive archive,
    IDocumentTextReader reader,
    PaperTextExtractor extractor,
    ILogger<FaxMailNormalizer> logger,
    IOptions<OcrOptions>? ocr = null,
    IOptions<MailNormalizerOptions>? mail = null) : IItemNormalizer
{
    private static readonly MailNormalizerOptions MailDefaults = new();
    private readonly MailNormalizerOptions mailOptions = mail?.Value ?? MailDefaults;
    private readonly MimeMessageLoader loader = new(mail?.Value ?? MailDefaults);

    public bool CanNormalize(InboundItem item) =>
        item.Channel == ChannelKind.Fax
        && item.OriginalContentType.StartsWith(PaperContentTypes.Mail, StringComparison.OrdinalIgnoreCase);

    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        // Spooled once (in memory, or a private temp file when large): archived and parsed from the same bytes, and the
        // documents stay slices of the original, which holds them already, instead of being archived a second time.
        var spool = await MessageSpool.CreateAsync(item, mailOptions.MaxMessageBytes, cancellationToken);
        await using var _ = spool.ConfigureAwait(false);

        TicketAttachment original;
        await using (var content = spool.OpenRead())
        {
            original = await archive.StoreAsync(
                content, SafeFileName.From(item.OriginalFileName, "fax.eml"), PaperContentTypes.Mail, cancellationToken);
        }

        var source = spool.OpenRead();
        await using var __ = source.ConfigureAwait(false);
        var parsed = loader.Load(source, cancellationToken);
        var message = parsed.Message;
        var documents = FaxMailAttachments.Select(message);
        if (documents.Count == 0)
        {
            throw new InboundItemRejectedException(
                $"fax mail \"{message.Subject}\" has no TIFF or PDF attachment ({message.Attachments.Count()} attachments)");
        }

        var attachments = new List<TicketAttachment>();
        var pages = new List<PageText>();
        // MaxPages holds for the fax, not for each attachment: a hundred attachments of 200 pages each are one item.
        var maxPages = (ocr?.Value ?? new OcrOptions()).MaxPages;
        foreach (var part in documents)
        {
            var (attachment, document) = await ReadAsync(part, parsed, original, cancellationToken);
            attachments.Add(attachment);
            pages.AddRange(document.Pages.Select(p => p with { Number = pages.Count + 1 }));
            if (pages.Count > maxPages)
            {
                throw new InboundItemRejectedException(
                    $"fax mail \"{message.Subject}\": more than {maxPages} pages in its attachments, over the limit {OcrOptions.SectionName}:MaxPages");
            }
        }

        if (pages.Count == 0)
        {
            throw new InboundItemRejectedException($"the fax attachments of \"{message.Subject}\" have no pages");
        }

        var sender = FaxMailSenderParser.Parse(message.Subject, message.TextBody);
        FaxLog.FaxMailRead(logger, item.SourceKey, documents.Count, pages.Count, sender.FaxNumber ?? "(unknown)");
        var metadata = new Dictionary<string, string>(item.Metadata);
        sender.AddTo(metadata);
        var draft = PaperDraftBuilder.Build(item, item.SourceKey, extractor.Extract(pages), original, null, 1, metadata);
        draft.Attachments = attachments;
        // A fax draft keeps no Message-ID (it is not a thread of mail), so the .eml's hash is what knows it again.
        draft.SameItemKey = TicketDraft.OriginalKey(item.ChannelName, original);
        return draft;
    }

    private async Task<(TicketAttachment Attachment, DocumentText Document)> ReadAsync(
        MimePart part, ParsedMessage parsed, TicketAttachment original, CancellationToken cancellationToken)
    {
        var fileName = FaxMailAttachments.FileName(part);
        var contentType = PaperContentTypes.FromFileName(fileName) ?? part.ContentType.MimeType;
        using var buffer = new MemoryStream();
        if (part.Content is { } content)
        {
            await content.DecodeToAsync(buffer, cancellationToken);
        }

        var attachment = await AttachmentArchiver.RecordDecodedAsync(archive,
            new ArraySegment<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), parsed.SliceOf(part.Content, original), fileName,
            contentType, cancellationToken);
        buffer.Position = 0;
        return (attachment, await reader.ReadAsync(buffer, fileName, cancellationToken));
    }
}
