using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// A scanned letter or a received fax file (TIFF, PNG, JPEG, PDF) of the Postal or Fax channel: archives the original
/// byte for byte, reads its pages and makes one draft per letter (a batch scan may hold several, see
/// <see cref="IMultiDraftNormalizer"/>).
/// </summary>
internal sealed class PaperNormalizer(
    IContentArchive archive,
    IDocumentTextReader reader,
    PaperTextExtractor extractor,
    IOptions<PaperOptions> options,
    ILogger<PaperNormalizer> logger) : IMultiDraftNormalizer
{
    public bool CanNormalize(InboundItem item) =>
        item.Channel is ChannelKind.Postal or ChannelKind.Fax
        && PaperContentTypes.IsDocument(item.OriginalContentType, item.OriginalFileName);

    /// <summary>The whole file as one draft, for a pipeline that does not split.</summary>
    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken) =>
        (await NormalizeAsync(item, split: false, cancellationToken))[0];

    public Task<IReadOnlyList<TicketDraft>> NormalizeAllAsync(InboundItem item, CancellationToken cancellationToken) =>
        NormalizeAsync(item, split: true, cancellationToken);

    private async Task<IReadOnlyList<TicketDraft>> NormalizeAsync(InboundItem item, bool split, CancellationToken cancellationToken)
    {
        CheckSize(item);
        var fileName = SafeFileName.From(item.OriginalFileName, "document.bin");
        var contentType = PaperContentTypes.FromFileName(fileName) ?? item.OriginalContentType;
        TicketAttachment original;
        await using (var content = await item.OpenAsync(cancellationToken))
        {
            original = await archive.StoreAsync(content, fileName, contentType, cancellationToken);
        }

        DocumentText document;
        await using (var content = await item.OpenAsync(cancellationToken))
        {
            document = await reader.ReadAsync(content, fileName, cancellationToken);
        }

        if (document.Pages.Count == 0)
        {
            throw new InboundItemRejectedException($"{fileName} has no pages");
        }

        var parts = split ? SplitParts(item, document) : [new DocumentPart(1, document.Pages)];
        var drafts = parts
            .Select(p => PaperDraftBuilder.Build(
                item, IMultiDraftNormalizer.PartSourceKey(item.SourceKey, p.PartNumber), extractor.Extract(p.Pages), original, p, parts.Count))
            .ToList();

        PaperLog.DocumentRead(logger, item.SourceKey, document.Pages.Count, drafts.Count, document.MeanConfidence);
        foreach (var draft in drafts.Where(d => d.NeedsReview))
        {
            PaperLog.NeedsReview(logger, draft.SourceKey, draft.ReviewReason ?? "");
        }

        return drafts;
    }

    private IReadOnlyList<DocumentPart> SplitParts(InboundItem item, DocumentText document)
    {
        var onBlank = item.Metadata.GetValueOrDefault(PaperMetadataKeys.SplitOnBlankPages) == "true";
        var separator = item.Metadata.GetValueOrDefault(PaperMetadataKeys.SeparatorText);
        var parts = DocumentSplitter.Split(document.Pages, onBlank, separator);
        if (parts.Count > options.Value.MaxPartsPerFile)
        {
            throw new InboundItemRejectedException(
                $"{item.OriginalFileName} splits into {parts.Count} letters, more than Paper:MaxPartsPerFile {options.Value.MaxPartsPerFile}");
        }

        return parts;
    }

    private static void CheckSize(InboundItem item)
    {
        if (item.Metadata.TryGetValue(PaperMetadataKeys.MaxBytes, out var max)
            && long.TryParse(max, out var maxBytes) && item.Length > maxBytes)
        {
            throw new InboundItemRejectedException(
                $"{item.OriginalFileName} is {item.Length} bytes, more than the channel's limit of {maxBytes} (Channels:{item.ChannelName}:MaxFileBytes)");
        }
    }
}
