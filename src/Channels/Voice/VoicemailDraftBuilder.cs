using System.Globalization;
using System.Text;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// The ticket draft of a voicemail: the caller as sender (no reply address: the PBX's own From never gets a receipt),
/// an Italian text saying there is a message to listen to, the recordings attached, and the review flag, since
/// nobody has heard it yet and there is no transcript (so nothing to classify either: <see cref="TicketDraft.TextUnavailable"/>).
/// </summary>
internal static class VoicemailDraftBuilder
{
    public const string ReviewReason = "Messaggio vocale da ascoltare: nessuna trascrizione";

    public static TicketDraft Build(
        InboundItem item, VoicemailNotice notice, TimeSpan? duration, IReadOnlyList<VoicemailRecording> recordings,
        TicketAttachment original, string? messageId)
    {
        var phone = VoicemailCaller.ToE164(notice.CallerNumber);
        var who = Who(notice.CallerName, phone ?? notice.CallerNumber);
        var metadata = new Dictionary<string, string>(item.Metadata) { [VoicemailMetadataKeys.Format] = notice.Format.ToString().ToLowerInvariant() };
        Add(metadata, VoicemailMetadataKeys.Duration, duration is { } d ? ((int)Math.Round(d.TotalSeconds)).ToString(CultureInfo.InvariantCulture) : null);
        Add(metadata, VoicemailMetadataKeys.Mailbox, notice.Mailbox);
        Add(metadata, VoicemailMetadataKeys.MessageNumber, notice.MessageNumber);
        Add(metadata, VoicemailMetadataKeys.CallerId, notice.CallerNumber);
        Add(metadata, VoicemailMetadataKeys.CallerName, notice.CallerName);
        Add(metadata, VoicemailMetadataKeys.Date, notice.Date);
        return new TicketDraft
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            Channel = ChannelKind.Voicemail,
            ReceivedAt = item.ReceivedAt,
            Sender = new Party { DisplayName = notice.CallerName, Phone = phone },
            Subject = $"Messaggio in segreteria da {who ?? "numero sconosciuto"}",
            TextBody = Body(notice, who, duration, recordings),
            Language = "it",
            Original = original,
            Attachments = [.. recordings.Select(r => r.Attachment)],
            MessageId = messageId,
            SameItemKey = messageId is null ? TicketDraft.OriginalKey(item.ChannelName, original) : null,
            NeedsReview = true,
            ReviewReason = ReviewReason,
            // The text is the service's notice, not the caller's words: classifying it put every voicemail at the
            // second level (the learned model read "registrazione", "trascrizione", "allegata" as a formal request).
            TextUnavailable = ReviewReason,
            Metadata = metadata,
        };
    }

    public static string FormatDuration(TimeSpan duration) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}:{duration.Seconds:00}");

    private static string Body(VoicemailNotice notice, string? who, TimeSpan? duration, IReadOnlyList<VoicemailRecording> recordings)
    {
        var text = new StringBuilder();
        text.AppendLine("Messaggio vocale lasciato nella segreteria telefonica, da ascoltare: non è disponibile una trascrizione.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Chiamante: {who ?? "numero sconosciuto"}");
        if (duration is { } d)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Durata: {FormatDuration(d)}");
        }

        if (notice.Mailbox is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Casella vocale: {notice.Mailbox}{(notice.MessageNumber is null ? "" : $" (messaggio n. {notice.MessageNumber})")}");
        }

        if (notice.Date is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Lasciato il: {notice.Date}");
        }

        text.AppendLine(recordings.Count > 0
            ? $"Registrazione allegata: {string.Join(", ", recordings.Select(r => r.Attachment.FileName))}"
            : $"La registrazione non è allegata alla notifica: ascoltarla dalla casella vocale {notice.Mailbox ?? "del centralino"}.");
        return text.ToString();
    }

    private static string? Who(string? name, string? number) => (name, number) switch
    {
        (null, null) => null,
        (null, _) => number,
        (_, null) => name,
        _ when name == number => number,
        _ => $"{name} ({number})",
    };

    private static void Add(Dictionary<string, string> metadata, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            metadata[key] = value.Trim();
        }
    }
}
