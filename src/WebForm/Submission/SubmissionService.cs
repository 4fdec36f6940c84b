using System.Text.Json;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// Makes a ticket of a checked submission through the service's own pipeline and store: attachments into the
/// archive, the submission as the archived original, one durable dispatch (ticket and receipt outbox row together).
/// Returns only after the store has answered, so "thank you" is never shown for a request that could still be lost.
/// </summary>
internal sealed class SubmissionService(
    IngestPipeline pipeline, ITicketStore store, IContentArchive archive, IOptions<WebFormOptions> options, TimeProvider time,
    ILogger<SubmissionService> logger)
{
    public const string PrivacyNoticeVersion = "2026-12";

    public string SourceKeyOf(string token) => $"webform:{options.Value.ChannelName}/{token}";

    /// <summary>Throws <see cref="PollFailedException"/> when the store could not commit: the citizen must try again.</summary>
    public async Task<SubmissionResult> SubmitAsync(
        string token, FormInput input, IReadOnlyList<AcceptedFile> files, string via, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attachments = new List<TicketAttachment>(files.Count);
        foreach (var file in files)
        {
            var stored = await archive.StoreAsync(new MemoryStream(file.Content, writable: false), file.FileName, file.ContentType, cancellationToken).ConfigureAwait(false);
            stored.FileName = file.FileName;
            stored.ContentType = file.ContentType;
            attachments.Add(stored);
        }

        var submission = new WebFormSubmission
        {
            Token = token,
            ReceivedAt = now,
            FirstName = input.FirstName,
            LastName = input.LastName,
            Email = input.Email,
            Phone = input.Phone.Length > 0 ? input.Phone : null,
            FiscalCode = input.FiscalCode.Length > 0 ? input.FiscalCode : null,
            Subject = input.Subject,
            Text = input.Text,
            Topic = input.Topic,
            ConsentAt = now,
            PrivacyNoticeVersion = PrivacyNoticeVersion,
            Via = via,
            Attachments = attachments,
        };
        var json = JsonSerializer.SerializeToUtf8Bytes(submission, WebFormJson.Options);
        var item = new InboundItem
        {
            SourceKey = SourceKeyOf(token),
            ChannelName = options.Value.ChannelName,
            Channel = ChannelKind.WebForm,
            ReceivedAt = now,
            OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(json, writable: false)),
            Length = json.Length,
            OriginalFileName = WebFormNormalizer.OriginalFileName,
            OriginalContentType = WebFormNormalizer.ContentType,
        };

        var source = new SubmissionSource(item);
        await using (source.ConfigureAwait(false))
        {
            // Not cancellable: a citizen closing the tab must not leave half a dispatch behind.
            await pipeline.RunAsync(source, null, CancellationToken.None).ConfigureAwait(false);
        }

        return await ResultOfAsync(source, item.SourceKey, input, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A form is never a follow-up (<see cref="FollowUpSenderRule"/>): its outcome is a new ticket, or the ticket its
    /// key made before, shown only when this is the same request again.
    /// </summary>
    private async Task<SubmissionResult> ResultOfAsync(SubmissionSource source, string key, FormInput input, CancellationToken cancellationToken)
    {
        if (source.RejectedReason is { } reason)
        {
            WebFormLog.Quarantined(logger, key, reason);
            return SubmissionResult.Quarantined(reason);
        }

        var (kind, number) = source.Outcome switch
        {
            { Kind: DispatchOutcomeKind.Created } o => (SubmissionResultKind.Created, o.TicketNumber),
            { Kind: DispatchOutcomeKind.Duplicate } o => (SubmissionResultKind.AlreadyStored, o.TicketNumber),
            { } o => throw new InvalidOperationException($"A form submission became {o.Kind} of {o.TicketNumber}; only a new ticket or its own is expected."),
            // Known before this request (a second click after the first was stored): look the ticket up by its key.
            null => (SubmissionResultKind.AlreadyStored, await FindNumberAsync(key, cancellationToken).ConfigureAwait(false)),
        };
        var ticket = number is null ? null : await store.GetAsync(number, cancellationToken).ConfigureAwait(false);
        if (kind == SubmissionResultKind.AlreadyStored && ticket is not null && !IsSameRequest(ticket, input))
        {
            WebFormLog.KeyReused(logger, key, ticket.Number);
            return SubmissionResult.KeyReused;
        }

        WebFormLog.Submitted(logger, key, kind.ToString(), number ?? "-");
        return SubmissionResult.Stored(kind, number, ticket?.DueAt);
    }

    /// <summary>The fields the validator cleaned, as stored: a retry of the same request matches them exactly.</summary>
    private static bool IsSameRequest(Ticket ticket, FormInput input) =>
        string.Equals(ticket.Sender.Email, input.Email, StringComparison.OrdinalIgnoreCase)
        && ticket.Subject == input.Subject
        && ticket.Messages.FirstOrDefault()?.TextBody == input.Text;

    private async Task<string?> FindNumberAsync(string key, CancellationToken cancellationToken)
    {
        // By its key (indexed), not by reading every form ticket since the form was shown: an emergency brings thousands.
        var tickets = await store.QueryAsync(new TicketQuery { SourceKey = key, Limit = 1 }, cancellationToken).ConfigureAwait(false);
        return tickets.FirstOrDefault()?.Number;
    }
}
