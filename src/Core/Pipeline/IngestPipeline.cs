using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Drains a source: per batch, skip what the store already holds, normalise the rest in parallel, classify and plan,
/// store the batch in one durable dispatch, and only then acknowledge it. Bad items go to quarantine (an item the store
/// itself refuses too, see <see cref="BatchDispatcher"/>); a store failure acknowledges nothing and ends the poll with
/// <see cref="PollFailedException"/>. An
/// <see cref="IPrefetchingSource"/> fetches its next batch while the current one is stored.
/// </summary>
public sealed class IngestPipeline
{
    /// <summary>Metadata key of the arrival time a source claimed when it was in the future (and was clamped).</summary>
    public const string ReportedArrivalKey = "source.reportedArrival";

    /// <summary>An arrival before this is a clock that was never set, not a date: no citizen wrote to this service then.</summary>
    internal static readonly DateTimeOffset ClockNeverSet = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ITicketStore store;
    private readonly ItemQuarantine quarantine;
    private readonly DraftRouter router;
    private readonly TimeProvider time;
    private readonly ILogger<IngestPipeline> logger;
    private readonly IngestMetrics? metrics;
    private readonly SpamHold? spam;
    private readonly BatchDispatcher dispatcher;
    private readonly BatchPreparer preparer;

    internal IngestPipeline(ITicketStore store, ItemNormalizerRunner normalizers, ItemQuarantine quarantine, DraftRouter router,
        TimeProvider time, ILogger<IngestPipeline> logger, IngestMetrics? metrics, SpamHold? spam = null)
    {
        this.spam = spam;
        this.metrics = metrics;
        dispatcher = new BatchDispatcher(store, quarantine, logger, metrics);
        preparer = new BatchPreparer(store, normalizers, time, logger);
        this.store = store;
        this.quarantine = quarantine;
        this.router = router;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Polls until the source has nothing pending; cancellation stops it between batches.</summary>
    public Task<PollSummary> RunAsync(IInboundSource source, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken) =>
        RunAsync(source, progress, retry: false, cancellationToken);

    /// <summary>
    /// Sends quarantined items through again (<c>quarantine retry</c>): their source keys are known to the store, as
    /// quarantined, so they are not skipped as already stored; the dispatch itself still refuses a second ticket.
    /// </summary>
    public Task<PollSummary> RetryAsync(IInboundSource source, CancellationToken cancellationToken) =>
        RunAsync(source, null, retry: true, cancellationToken);

    private async Task<PollSummary> RunAsync(IInboundSource source, IProgress<PipelineProgress>? progress, bool retry, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var counters = new PollCounters(source.Name);
        try
        {
            var batches = source.PollAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (batches.ConfigureAwait(false))
            {
                await DrainAsync(source, batches, progress, counters, retry, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failed = counters.ToSummary(time.GetElapsedTime(started), $"{ex.GetType().Name}: {ex.Message}");
            metrics?.PollFailed(source.Name);
            throw new PollFailedException(failed, ex);
        }

        var summary = counters.ToSummary(time.GetElapsedTime(started));
        metrics?.PollCompleted(summary.Channel, summary.Duration);
        PipelineLog.PollDone(logger, summary.Channel, (long)summary.Duration.TotalMilliseconds, summary.Fetched, summary.Created,
            summary.FollowUps, summary.AutoMail, summary.Duplicates, summary.Quarantined, summary.Spam, summary.AlreadyStored);
        return summary;
    }

    /// <summary>
    /// Batch after batch: each is prepared (known items sorted out, fresh ones normalised), then committed (routed,
    /// stored in one dispatch), then acknowledged. For an <see cref="IPrefetchingSource"/> the next batch is fetched and
    /// normalised while the current one is committed, and a committed batch's acknowledgement runs on beside the next
    /// batch's commit: the source's connection and the store each work on their own batch instead of taking turns (an
    /// acknowledgement is a round trip: an IMAP MOVE, a POP3 DELE). At most two batches' contents are in flight: a fetch
    /// starts once the batch before the current one was committed (its buffers may be reused; its acknowledgement needs
    /// only its keys). Acknowledgements still come after their own batch's commit and in batch order, none after a failed
    /// one, and no batch is stored once the acknowledgement before it has failed; the poll ends after the last one.
    /// Routing waits for the commit before it, so receipt limits and follow-ups see every earlier ticket.
    /// </summary>
    private async Task DrainAsync(IInboundSource source, IAsyncEnumerator<InboundBatch> batches, IProgress<PipelineProgress>? progress,
        PollCounters counters, bool retry, CancellationToken cancellationToken)
    {
        var prefetch = source is IPrefetchingSource { FetchesAhead: true };
        // The acknowledgement of the batch committed last, still running when the source fetches ahead.
        var acknowledging = Task.CompletedTask;
        try
        {
            // A fetched batch is finished (stored, then acknowledged) even when a stop is requested meanwhile: the host's
            // ShutdownTimeout bounds the wait, and stopping between batches leaves nothing half done.
            var current = await NextAsync().ConfigureAwait(false);
            while (current is not null)
            {
                using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var ahead = prefetch && !cancellationToken.IsCancellationRequested
                    ? FetchAndPrepareAsync(batches, retry, cancellationToken, abandon.Token)
                    : null;
                try
                {
                    var stored = await CommitAsync(source, current, counters, acknowledging, CancellationToken.None).ConfigureAwait(false);
                    acknowledging = AcknowledgeAsync(source, current.Batch, stored, counters, acknowledging);
                    if (!prefetch)
                    {
                        await acknowledging.ConfigureAwait(false);
                    }
                }
                catch when (ahead is not null)
                {
                    // The enumerator cannot be disposed while a fetch runs; the batch ahead is neither stored nor acknowledged.
                    await abandon.CancelAsync().ConfigureAwait(false);
                    await ObserveAsync(ahead).ConfigureAwait(false);
                    throw;
                }

                progress?.Report(new PipelineProgress(source.Name, counters.Fetched, current.Batch.Remaining));
                current = ahead is not null
                    ? await AheadAsync(ahead, cancellationToken).ConfigureAwait(false)
                    : await NextAsync().ConfigureAwait(false);
                if (cancellationToken.IsCancellationRequested)
                {
                    // A batch prepared ahead is left unacknowledged at the source: the next poll fetches it again.
                    current = null;
                }
            }

            await acknowledging.ConfigureAwait(false);
        }
        catch when (!acknowledging.IsCompleted)
        {
            // A committed batch's acknowledgement is finished before the poll ends (and its source is closed).
            await ObserveAsync(acknowledging).ConfigureAwait(false);
            throw;
        }

        async Task<PreparedBatch?> NextAsync() =>
            !cancellationToken.IsCancellationRequested && await batches.MoveNextAsync().ConfigureAwait(false)
                ? await preparer.PrepareAsync(batches.Current, retry, CancellationToken.None).ConfigureAwait(false)
                : null;
    }

    /// <summary>
    /// The fetch runs to its end unless the poll is stopped (a cancelled IMAP command costs the connection); the
    /// normalising after it also stops when the batch being committed fails.
    /// </summary>
    private async Task<PreparedBatch?> FetchAndPrepareAsync(
        IAsyncEnumerator<InboundBatch> batches, bool retry, CancellationToken cancellationToken, CancellationToken abandon) =>
        await batches.MoveNextAsync().ConfigureAwait(false) && !abandon.IsCancellationRequested
            ? await preparer.PrepareAsync(batches.Current, retry, abandon).ConfigureAwait(false)
            : null;

    /// <summary>A stop that cancels the batch ahead ends the poll as a stop between batches does.</summary>
    private static async Task<PreparedBatch?> AheadAsync(Task<PreparedBatch?> ahead, CancellationToken cancellationToken)
    {
        try
        {
            return await ahead.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    internal static async Task ObserveAsync(Task ahead)
    {
        try
        {
            await ahead.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The batch's own failure is the one reported; this one's failure would only hide it.
        }
    }

    /// <summary>Routes and stores the batch; returns the items to acknowledge (stored, known, held as spam).</summary>
    private async Task<HashSet<InboundItem>> CommitAsync(
        IInboundSource source, PreparedBatch prepared, PollCounters counters, Task acknowledging, CancellationToken cancellationToken)
    {
        var batch = prepared.Batch;
        counters.Fetched += batch.Items.Count;
        var acknowledge = new HashSet<InboundItem>(ReferenceEqualityComparer.Instance);
        if (prepared.Known.Count > 0)
        {
            await SettleKnownAsync(source, prepared.Known, prepared.KnownKeys, acknowledge, counters, cancellationToken).ConfigureAwait(false);
        }

        var mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<ItemDispatch>(prepared.Normalized.Length);
        foreach (var result in prepared.Normalized)
        {
            ArrivalClamp.Apply(logger, source.Name, result.Drafts, prepared.ReadAt);
            if (result.RejectReason is null && spam is not null
                && await spam.HoldIfSpamAsync(source.Name, result.Item, result.Drafts, cancellationToken).ConfigureAwait(false))
            {
                // Held durably as spam: acknowledged with the batch, like a stored ticket.
                acknowledge.Add(result.Item);
                counters.Spam++;
                continue;
            }

            var (itemRequests, reason) = result.RejectReason is null
                ? await RouteAllAsync(result.Drafts, mode, cancellationToken).ConfigureAwait(false)
                : ([], result.RejectReason);
            if (reason is not null)
            {
                // A failed retry finds the item's record already there: nothing more is in quarantine.
                counters.CountQuarantined(await quarantine.QuarantineAsync(source, result.Item, reason, cancellationToken).ConfigureAwait(false), metrics);

                continue;
            }

            // All drafts of one item go into the same dispatch: the item's key is known exactly when every part is.
            items.Add(new ItemDispatch(result.Item, itemRequests));
            acknowledge.Add(result.Item);
        }

        if (acknowledging.IsFaulted)
        {
            // The source failed to acknowledge the batch before: nothing more is stored in this poll.
            await acknowledging.ConfigureAwait(false);
        }

        var outcomes = await dispatcher.DispatchAsync(source, items, acknowledge, counters).ConfigureAwait(false);
        DispatchOutcomes.Record(source.Name, outcomes, counters, metrics, logger);
        (source as IDispatchObservingSource)?.Dispatched(outcomes);
        return acknowledge;
    }

    /// <summary>After the batch before it has been acknowledged (and not when that failed).</summary>
    private async Task AcknowledgeAsync(IInboundSource source, InboundBatch batch, HashSet<InboundItem> acknowledge, PollCounters counters, Task before)
    {
        await before.ConfigureAwait(false);
        if (acknowledge.Count > 0)
        {
            // In the batch's order: a source may rely on it (e.g. IMAP UID ranges). Never cancelled: the batch is stored.
            await source.AcknowledgeAsync(batch.Items.Where(acknowledge.Contains).ToList(), CancellationToken.None).ConfigureAwait(false);
        }

        counters.Settled += batch.Items.Count;
        PipelineLog.BatchDone(logger, source.Name, batch.Items.Count, batch.Remaining);
    }

    /// <summary>
    /// Items the store already knows: a stored one is acknowledged; a quarantined one (no ticket) is still at the source
    /// only because the move aside failed or a crash came first, and acknowledging it could delete it there, so it is
    /// moved aside again.
    /// </summary>
    private async Task SettleKnownAsync(IInboundSource source, IReadOnlyList<InboundItem> known, IReadOnlyDictionary<string, string?> quarantineReasons,
        HashSet<InboundItem> acknowledge, PollCounters counters, CancellationToken cancellationToken)
    {
        foreach (var item in known)
        {
            counters.AlreadyStored++;
            metrics?.ItemIngested(source.Name, "AlreadyStored");
            if (quarantineReasons[item.SourceKey] is { } reason)
            {
                PipelineLog.AlreadyQuarantined(logger, source.Name, item.SourceKey);
                await quarantine.SetAsideAsync(source, item, reason, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                acknowledge.Add(item);
                PipelineLog.AlreadyStored(logger, source.Name, item.SourceKey);
            }
        }
    }

    private async Task<(List<DispatchRequest> Requests, string? RejectReason)> RouteAllAsync(
        IReadOnlyList<TicketDraft> drafts, ServiceMode mode, CancellationToken cancellationToken)
    {
        var requests = new List<DispatchRequest>(drafts.Count);
        foreach (var draft in drafts)
        {
            var (request, reason) = await router.RouteAsync(draft, mode, cancellationToken).ConfigureAwait(false);
            if (request is null)
            {
                return ([], reason ?? "rejected");
            }

            requests.Add(request);
        }

        return (requests, null);
    }
}
