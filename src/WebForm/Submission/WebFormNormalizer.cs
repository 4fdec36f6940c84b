using System.Text.Json;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// Turns an archived <see cref="WebFormSubmission"/> into a draft: the citizen typed the fields, so there is nothing
/// to guess; the text stays plain text (never HTML) and the chosen topic is the draft's category hint.
/// </summary>
internal sealed class WebFormNormalizer(IContentArchive archive) : IItemNormalizer
{
    public const string ContentType = "application/vnd.contactcenter.webform+json";
    public const string OriginalFileName = "modulo.json";
    private const int MaxOriginalBytes = 4 * 1024 * 1024;

    public bool CanNormalize(InboundItem item) => item.Channel == ChannelKind.WebForm && item.OriginalContentType == ContentType;

    public async Task<TicketDraft> NormalizeAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(item, cancellationToken).ConfigureAwait(false);
        WebFormSubmission submission;
        try
        {
            submission = JsonSerializer.Deserialize<WebFormSubmission>(bytes, WebFormJson.Options)
                ?? throw new InboundItemRejectedException("the form submission is empty");
        }
        catch (JsonException ex)
        {
            throw new InboundItemRejectedException($"the form submission is not valid JSON: {ex.Message}", ex);
        }

        if (submission.Attachments.FirstOrDefault(a => !archive.Contains(a.Sha256)) is { } missing)
        {
            throw new InboundItemRejectedException($"attachment '{missing.FileName}' ({missing.Sha256}) is not in the archive");
        }

        var original = await archive.StoreAsync(new MemoryStream(bytes, writable: false), OriginalFileName, ContentType, cancellationToken).ConfigureAwait(false);
        return new TicketDraft
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            Channel = ChannelKind.WebForm,
            ReceivedAt = submission.ReceivedAt,
            Sender = new Party
            {
                DisplayName = $"{submission.FirstName} {submission.LastName}".Trim(),
                Email = submission.Email,
                Phone = submission.Phone,
                FiscalCode = submission.FiscalCode,
            },
            ReplyAddress = submission.Email,
            Subject = submission.Subject,
            TextBody = submission.Text,
            Language = "it",
            Attachments = submission.Attachments,
            Original = original,
            CategoryHint = submission.Topic,
            // A form naming a ticket number opens a ticket of its own, linked to it: the typed address proves nothing.
            FollowUpFromStrangers = FollowUpFromStrangers.NewTicket,
            Metadata = new Dictionary<string, string>
            {
                ["webform.via"] = submission.Via,
                ["webform.topic"] = submission.Topic,
                ["webform.consentAt"] = submission.ConsentAt.ToString("O"),
                ["webform.privacyNotice"] = submission.PrivacyNoticeVersion,
            },
        };
    }

    private static async Task<byte[]> ReadAsync(InboundItem item, CancellationToken cancellationToken)
    {
        var stream = await item.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxOriginalBytes)
                {
                    throw new InboundItemRejectedException($"the form submission is larger than {MaxOriginalBytes} bytes");
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }
    }
}
