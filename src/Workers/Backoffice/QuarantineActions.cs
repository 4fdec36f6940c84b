using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Retry sends a quarantined item's archived original through the pipeline again, under its own source key, so it
/// still makes at most one ticket; the store marks the record Retried when the ticket is stored. Discard keeps the
/// record with the admin's reason. Neither deletes anything.
/// </summary>
internal sealed class QuarantineActions(
    ITicketStore store, IContentArchive archive, IngestPipeline pipeline, TimeProvider time, ILogger<QuarantineActions> logger)
{
    public async Task<QuarantineActionResult> RetryAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var record = await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false);
        if (Unresolvable(id, record) is { } refused)
        {
            return refused;
        }

        if (record!.Original is not { } original || !archive.Contains(original.Sha256))
        {
            return new(BackofficeOutcome.Refused, $"Quarantined item {id} has no archived original to retry; discard it with a reason.", record);
        }

        var source = new RetrySource(new InboundItem
        {
            SourceKey = record.SourceKey,
            ChannelName = record.ChannelName,
            Channel = record.Channel,
            ReceivedAt = record.ReceivedAt ?? record.At,
            OpenAsync = _ => ValueTask.FromResult(archive.OpenRead(original.Sha256)),
            Length = original.Size,
            OriginalFileName = original.FileName,
            OriginalContentType = original.ContentType,
            Metadata = RetriedMetadata(record),
        });
        string? failure = null;
        try
        {
            await pipeline.RetryAsync(source, cancellationToken).ConfigureAwait(false);
        }
        catch (PollFailedException ex)
        {
            failure = ex.Summary.Failed ?? ex.Message;
        }

        var after = await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false) ?? record;
        if (after.Status == QuarantineStatus.Discarded)
        {
            // Discarded while the retry ran: the store made no ticket, and the discard reason stays the record's note.
            return AlreadyResolved(id, after, "not retried");
        }

        if (after.Status == QuarantineStatus.Retried)
        {
            after.ResolutionNote = $"retried by {actor}";
            await store.UpdateQuarantineAsync(after, QuarantineStatus.Retried, cancellationToken).ConfigureAwait(false);
            BackofficeLog.QuarantineRetried(logger, id, after.SourceKey, actor, after.ResultTicketNumber);
            return new(BackofficeOutcome.Done, $"Quarantined item {id} retried: ticket {after.ResultTicketNumber ?? "(none)"}.", after);
        }

        var why = failure ?? source.RejectedReason ?? "not stored";
        after.ResolutionNote = $"retry by {actor} at {time.GetUtcNow():u} failed: {why}";
        if (!await store.UpdateQuarantineAsync(after, QuarantineStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            return AlreadyResolved(id, await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false) ?? after, "the retry failed: " + why);
        }

        BackofficeLog.QuarantineRetryFailed(logger, id, after.SourceKey, actor, why);
        return new(BackofficeOutcome.Refused, $"Quarantined item {id} failed again: {why}", after);
    }

    /// <summary>
    /// The item's metadata as its channel gave it, less the size limit of that day (the admin retrying an item too
    /// large for it has usually raised it) and a refusal (the retry reads the archived bytes, not the entry refused).
    /// </summary>
    private static Dictionary<string, string> RetriedMetadata(QuarantineRecord record)
    {
        var metadata = new Dictionary<string, string>(record.ItemMetadata);
        metadata.Remove(ContactCenter.Channels.Paper.PaperMetadataKeys.MaxBytes);
        metadata.Remove(ContactCenter.Channels.Files.RefusedFileItem.ReasonMetadataKey);
        return metadata;
    }

    public async Task<QuarantineActionResult> DiscardAsync(int id, string reason, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new(BackofficeOutcome.Invalid, "Discarding needs a reason; it is kept with the record.");
        }

        var record = await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false);
        if (Unresolvable(id, record) is { } refused)
        {
            return refused;
        }

        record!.Status = QuarantineStatus.Discarded;
        record.ResolutionNote = $"{reason.Trim()} (discarded by {actor})";
        record.ResolvedAt = time.GetUtcNow();
        if (!await store.UpdateQuarantineAsync(record, QuarantineStatus.Pending, cancellationToken).ConfigureAwait(false))
        {
            // A retry made its ticket (or another operator acted) since the record was read: that outcome stands.
            return AlreadyResolved(id, await store.GetQuarantineAsync(id, cancellationToken).ConfigureAwait(false) ?? record, "not discarded");
        }

        BackofficeLog.QuarantineDiscarded(logger, id, record.SourceKey, actor);
        return new(BackofficeOutcome.Done, $"Quarantined item {id} discarded; the record and the archived original are kept.", record);
    }

    private static QuarantineActionResult AlreadyResolved(int id, QuarantineRecord now, string what)
    {
        var ticket = now.ResultTicketNumber is { } number ? $", ticket {number}" : "";
        return new(BackofficeOutcome.Refused,
            $"Quarantined item {id} is already resolved ({now.Status.ToString().ToLowerInvariant()}{ticket}: {now.ResolutionNote}); {what}.", now);
    }

    private static QuarantineActionResult? Unresolvable(int id, QuarantineRecord? record) => record switch
    {
        null => new(BackofficeOutcome.NotFound, $"No quarantined item {id}."),
        { Status: not QuarantineStatus.Pending } => new(BackofficeOutcome.Refused,
            $"Quarantined item {id} is already {record.Status.ToString().ToLowerInvariant()}: {record.ResolutionNote}", record),
        _ => null,
    };
}
