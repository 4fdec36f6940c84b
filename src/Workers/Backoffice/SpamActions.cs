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

        var metadata = new Dictionary<string, string>(record.Verdict)
        {
            [MailScreeningKeys.SpamVerdict] = SpamVerdict.Released.Name(),
            [MailScreeningKeys.SpamReleasedBy] = actor,
        };
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
        await ResolveAsync(record, actor, spam: false, cancellationToken).ConfigureAwait(false);
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
        await ResolveAsync(record, actor, spam: true, cancellationToken).ConfigureAwait(false);
        BackofficeLog.SpamConfirmed(logger, id, record.SourceKey, actor);
        return new(BackofficeOutcome.Done, $"Spam item {id} confirmed as spam; the record and the original are kept.{Learnt(record)}", record);
    }

    private async Task ResolveAsync(SpamRecord record, string actor, bool spam, CancellationToken cancellationToken)
    {
        record.ResolvedBy = actor;
        record.ResolvedAt = time.GetUtcNow();
        record.LearnNote = await LearnAsync(record, spam, cancellationToken).ConfigureAwait(false);
        await store.UpdateSpamAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> LearnAsync(SpamRecord record, bool spam, CancellationToken cancellationToken)
    {
        if (catalog.For(record.ChannelName) is not { Rspamd: true } || !engine.CanLearn || record.Original is not { } original
            || !archive.Contains(original.Sha256))
        {
            return null;
        }

        try
        {
            using var stream = archive.OpenRead(original.Sha256);
            return await engine.LearnAsync(stream, spam, cancellationToken).ConfigureAwait(false);
        }
        catch (SpamEngineException ex)
        {
            BackofficeLog.SpamLearnFailed(logger, record.Id, ex.Message);
            return $"not learnt: {ex.Message}";
        }
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
