using ContactCenter.Channels.Email.Screening;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Screening;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// Release sends a held spam original through the pipeline again as a normal item (a false positive: it opens its
/// ticket and gets its receipt); confirm keeps it held for good. Both teach rspamd (ham or spam) when the channel asks
/// it; a failed lesson is noted on the record and never undoes the act.
/// </summary>
internal sealed class SpamActions(
    ITicketStore store, IContentArchive archive, IngestPipeline pipeline, RspamdClient engine, MailScreeningCatalog catalog,
    TimeProvider time, ILogger<SpamActions> logger)
{
    public async Task<SpamActionResult> ReleaseAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var record = await store.GetSpamAsync(id, cancellationToken).ConfigureAwait(false);
        if (Unresolvable(id, record) is { } refused)
        {
            return refused;
        }

        if (record!.Original is not { } original || !archive.Contains(original.Sha256))
        {
            return new(BackofficeOutcome.Refused, $"Spam item {id} has no archived original to release.", record);
        }

        // The channel's metadata of the item (mailbox, IMAP UID, file), then the verdict over it, as a retry keeps them.
        var metadata = new Dictionary<string, string>(record.ItemMetadata);
        foreach (var (key, value) in record.Verdict)
        {
            metadata[key] = value;
        }

        metadata[MailScreeningKeys.SpamVerdict] = SpamVerdict.Released.Name();
        metadata[MailScreeningKeys.SpamReleasedBy] = actor;
        var source = new SpamReleaseSource(new InboundItem
        {
            SourceKey = record.SourceKey,
            ChannelName = record.ChannelName,
            Channel = record.Channel,
            ReceivedAt = record.ReceivedAt,
            OpenAsync = _ => ValueTask.FromResult(archive.OpenRead(original.Sha256)),
            Length = original.Size,
            OriginalFileName = original.FileName,
            OriginalContentType = original.ContentType,
            Metadata = metadata,
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

        if (source.Outcome?.TicketNumber is not { } number)
        {
            var why = failure ?? source.RejectedReason ?? "not stored";
            BackofficeLog.SpamReleaseFailed(logger, id, record.SourceKey, actor, why);
            return new(BackofficeOutcome.Refused, $"Spam item {id} could not be released: {why}", record);
        }

        record.Status = SpamStatus.Released;
        record.ResultTicketNumber = number;
        // The ticket exists now, so the record must say Released even if a confirm resolved it meanwhile: a confirmed
        // record pointing nowhere while a ticket was made from it would be counted twice and hide the ticket.
        if (!await ResolveAsync(record, actor, SpamStatus.Held, cancellationToken).ConfigureAwait(false)
            && !await ResolveAsync(record, actor, SpamStatus.Confirmed, cancellationToken).ConfigureAwait(false))
        {
            return await AlreadyResolvedAsync(id, record, "not released again", cancellationToken).ConfigureAwait(false);
        }

        await LearnAsync(record, spam: false, cancellationToken).ConfigureAwait(false);
        BackofficeLog.SpamReleased(logger, id, record.SourceKey, actor, number);
        return new(BackofficeOutcome.Done, $"Spam item {id} released: ticket {number}.{Learnt(record)}", record);
    }

    public async Task<SpamActionResult> ConfirmAsync(int id, string actor, CancellationToken cancellationToken)
    {
        var record = await store.GetSpamAsync(id, cancellationToken).ConfigureAwait(false);
        if (Unresolvable(id, record) is { } refused)
        {
            return refused;
        }

        record!.Status = SpamStatus.Confirmed;
        if (!await ResolveAsync(record, actor, SpamStatus.Held, cancellationToken).ConfigureAwait(false))
        {
            return await AlreadyResolvedAsync(id, record, "not confirmed", cancellationToken).ConfigureAwait(false);
        }

        await LearnAsync(record, spam: true, cancellationToken).ConfigureAwait(false);
        BackofficeLog.SpamConfirmed(logger, id, record.SourceKey, actor);
        return new(BackofficeOutcome.Done, $"Spam item {id} confirmed as spam; the record and the original are kept.{Learnt(record)}", record);
    }

    /// <summary>Writes the resolution only if the record is still <paramref name="from"/> (see <see cref="ITicketStore.UpdateSpamAsync"/>).</summary>
    private Task<bool> ResolveAsync(SpamRecord record, string actor, SpamStatus from, CancellationToken cancellationToken)
    {
        record.ResolvedBy = actor;
        record.ResolvedAt = time.GetUtcNow();
        return store.UpdateSpamAsync(record, from, cancellationToken);
    }

    private async Task<SpamActionResult> AlreadyResolvedAsync(int id, SpamRecord mine, string what, CancellationToken cancellationToken)
    {
        var now = await store.GetSpamAsync(id, cancellationToken).ConfigureAwait(false) ?? mine;
        var ticket = now.ResultTicketNumber is { } number ? $", ticket {number}" : "";
        return new(BackofficeOutcome.Refused,
            $"Spam item {id} is already resolved ({now.Status.ToString().ToLowerInvariant()} by {now.ResolvedBy}{ticket}); {what}.", now);
    }

    /// <summary>
    /// Teaches rspamd only after the resolution was written (a lost race teaches nothing), then notes the lesson on the
    /// record unless another action changed its status meanwhile.
    /// </summary>
    private async Task LearnAsync(SpamRecord record, bool spam, CancellationToken cancellationToken)
    {
        if (catalog.For(record.ChannelName) is not { Rspamd: true } || !engine.CanLearn || record.Original is not { } original
            || !archive.Contains(original.Sha256))
        {
            return;
        }

        try
        {
            using var stream = archive.OpenRead(original.Sha256);
            record.LearnNote = await engine.LearnAsync(stream, spam, cancellationToken).ConfigureAwait(false);
        }
        catch (SpamEngineException ex)
        {
            BackofficeLog.SpamLearnFailed(logger, record.Id, ex.Message);
            record.LearnNote = $"not learnt: {ex.Message}";
        }

        await store.UpdateSpamAsync(record, record.Status, cancellationToken).ConfigureAwait(false);
    }

    private static string Learnt(SpamRecord record) => record.LearnNote is { } note ? $" rspamd: {note}." : "";

    private static SpamActionResult? Unresolvable(int id, SpamRecord? record) => record switch
    {
        null => new(BackofficeOutcome.NotFound, $"No spam item {id}."),
        { Status: not SpamStatus.Held } => new(BackofficeOutcome.Refused,
            $"Spam item {id} is already {record.Status.ToString().ToLowerInvariant()} (by {record.ResolvedBy}).", record),
        _ => null,
    };
}
