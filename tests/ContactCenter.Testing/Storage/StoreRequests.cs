using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Testing.Storage;

/// <summary>Dispatch requests shaped like what the e-mail normaliser and classifier produce.</summary>
public static class StoreRequests
{
    public static readonly DateTimeOffset Received = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static DispatchRequest Mail(
        string sourceKey,
        string subject = "Richiesta informazioni allerta meteo",
        string? messageId = null,
        DateTimeOffset? receivedAt = null,
        string? inReplyTo = null,
        string[]? references = null,
        AutomaticMailKind automatic = AutomaticMailKind.None,
        string channel = "posta",
        string? receiptTo = "mario.rossi@example.it",
        string? suppressed = null,
        bool needsReview = false,
        string body = "Buongiorno, vorrei sapere se domani le scuole restano chiuse.",
        string senderEmail = "mario.rossi@example.it",
        DateTimeOffset? dateHeader = null,
        string originalSha256 = "",
        ContactCenter.Core.Receipts.ReceiptDailyLimit? receiptLimit = null)
    {
        var at = receivedAt ?? Received;
        return new DispatchRequest
        {
            Draft = new TicketDraft
            {
                SourceKey = sourceKey,
                ChannelName = channel,
                Channel = ChannelKind.Email,
                ReceivedAt = at,
                Sender = new Party { DisplayName = "Mario Rossi", Email = senderEmail },
                ReplyAddress = "mario.rossi@example.it",
                Subject = subject,
                TextBody = body,
                MessageId = messageId,
                InReplyTo = inReplyTo,
                References = [.. references ?? []],
                AutomaticMail = automatic,
                AutomaticMailReason = automatic == AutomaticMailKind.None ? null : "Auto-Submitted: auto-replied",
                NeedsReview = needsReview,
                ReviewReason = needsReview ? "OCR incerto" : null,
                Original = new TicketAttachment { FileName = "message.eml", ContentType = "message/rfc822", Size = 1234, Sha256 = originalSha256.Length > 0 ? originalSha256 : new string('a', 64) },
                Metadata = { [ContentFingerprint.DateMetadataKey] = (dateHeader ?? at.AddMinutes(-3)).ToString("O", System.Globalization.CultureInfo.InvariantCulture) },
            },
            Classification = new Classification { Level = ServiceLevel.Second, Category = "scuole", RuleName = "scuole-chiuse", Matches = ["body contains \"scuole\""] },
            ClockStartedAt = at,
            DueAt = at.AddDays(2),
            ReceiptTo = receiptTo,
            ReceiptSuppressedReason = suppressed,
            ReceiptLimit = receiptLimit,
        };
    }
}
