using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Paper;

/// <summary>Builds the ticket draft of one letter or fax from its extraction and the channel's metadata.</summary>
internal static class PaperDraftBuilder
{
    /// <param name="channelMetadata">
    /// The item's metadata with what the normaliser learnt besides (a fax mail's sender); the item's own by default.
    /// </param>
    public static TicketDraft Build(
        InboundItem item, string sourceKey, PaperExtraction extraction, TicketAttachment original, DocumentPart? part, int partCount,
        IReadOnlyDictionary<string, string>? channelMetadata = null)
    {
        channelMetadata ??= item.Metadata;
        var metadata = channelMetadata
            .Where(kv => !kv.Key.StartsWith(PaperMetadataKeys.InstructionPrefix, StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        if (part is not null && partCount > 1)
        {
            metadata[PaperMetadataKeys.Part] = $"{part.PartNumber}/{partCount}";
            metadata[PaperMetadataKeys.Pages] = part.PageRange;
        }

        if (extraction.Address is { } address)
        {
            metadata[PaperMetadataKeys.Cap] = address.Cap;
            metadata[PaperMetadataKeys.Town] = address.Town;
            if (address.Province is not null)
            {
                metadata[PaperMetadataKeys.Province] = address.Province;
            }
        }

        var sender = Sender(channelMetadata, extraction);
        return new TicketDraft
        {
            SourceKey = sourceKey,
            ChannelName = item.ChannelName,
            Channel = item.Channel,
            ReceivedAt = item.ReceivedAt,
            Sender = sender,
            ReplyAddress = extraction.Email,
            Subject = extraction.Subject.Length > 0 ? extraction.Subject : FallbackSubject(item, sender),
            TextBody = extraction.Body,
            Language = "it",
            Original = original,
            CategoryHint = channelMetadata.GetValueOrDefault(PaperMetadataKeys.CategoryHint),
            OcrConfidence = extraction.MeanConfidence,
            PageConfidences = [.. extraction.PageConfidences],
            NeedsReview = extraction.NeedsReview,
            ReviewReason = extraction.ReviewReason,
            TextUnavailable = extraction.TextUnavailable,
            Metadata = metadata,
        };
    }

    private static Party Sender(IReadOnlyDictionary<string, string> metadata, PaperExtraction extraction)
    {
        var tsi = metadata.GetValueOrDefault(PaperMetadataKeys.Tsi);
        var tsiNumber = ItalianPhoneNumber.ToE164(tsi);
        var callerName = metadata.GetValueOrDefault(PaperMetadataKeys.CallerName);
        return new Party
        {
            // A fax machine's TSI is often the sender's organisation, typed by whoever set the machine up.
            DisplayName = extraction.SignatureName
                ?? NonBlank(callerName)
                ?? (tsiNumber is null ? NonBlank(tsi) : null),
            Email = extraction.Email,
            Phone = extraction.Phone,
            Fax = ItalianPhoneNumber.ToE164(metadata.GetValueOrDefault(PaperMetadataKeys.CallerId))
                ?? tsiNumber
                ?? extraction.Fax,
            PostalAddress = extraction.Address?.ToString(),
            FiscalCode = extraction.FiscalCode,
        };
    }

    private static string FallbackSubject(InboundItem item, Party sender) => item.Channel == ChannelKind.Fax
        ? $"Fax da {sender.Fax ?? sender.DisplayName ?? "mittente sconosciuto"}"
        : $"Lettera {SafeFileName.From(item.OriginalFileName, "senza nome")}";

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
