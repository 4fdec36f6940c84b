using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Sorts out what the store already holds and normalises the rest: nothing is stored or acknowledged. Normalising
/// does not wait for the store's answer: for a batch prepared ahead the store may answer only once the dispatch of
/// the batch before it is done, which would hold its normalising back by a whole commit, and the first batch of a
/// poll would wait for the store to open (an OCR page waited about half a second in <c>ingest --once</c>). Items are
/// normalised meanwhile unless the answer already names them; when it comes, the work on the items it names is
/// cancelled (<see cref="KnownItemCancellation"/>), and an item it names is set aside like any known one: it is
/// acknowledged or moved aside, never dispatched, and its archived parts are content-addressed, so normalising it
/// again left nothing new. The cost is the work done on such items until the answer came, after a restart.
/// </summary>
internal sealed class BatchPreparer(ITicketStore store, ItemNormalizerRunner normalizers, TimeProvider time, ILogger logger)
{
    public async Task<PreparedBatch> PrepareAsync(InboundBatch batch, bool retry, CancellationToken cancellationToken)
    {
        // The batch has been fetched: nothing in it can have arrived later than now.
        var readAt = time.GetUtcNow();
        // A retry (quarantine retry) sends known, quarantined items through again on purpose. The query starts on
        // another thread: a store may answer synchronously (LiteDB when nothing holds it, after opening on first use).
        string[] keys = [.. batch.Items.Select(i => i.SourceKey)];
        var knownQuery = retry
            ? Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>())
            : Task.Run(() => store.FindKnownSourcesAsync(keys, cancellationToken), cancellationToken);
        NormalizedItem?[] normalized;
        try
        {
            normalized = await normalizers.NormalizeAllAsync(batch.Items, knownQuery, cancellationToken).ConfigureAwait(false);
        }
        catch when (!knownQuery.IsCompleted)
        {
            await IngestPipeline.ObserveAsync(knownQuery).ConfigureAwait(false);
            throw;
        }

        var knownKeys = await knownQuery.ConfigureAwait(false);
        var known = new List<InboundItem>();
        var fresh = new List<NormalizedItem>(batch.Items.Count);
        for (var i = 0; i < batch.Items.Count; i++)
        {
            if (knownKeys.ContainsKey(batch.Items[i].SourceKey))
            {
                known.Add(batch.Items[i]);
            }
            else
            {
                fresh.Add(normalized[i] ?? throw new InvalidOperationException($"{batch.Items[i].SourceKey} was not normalised."));
            }
        }

        if (known.Count > 0)
        {
            PipelineLog.KnownAfterNormalising(logger, known.Count, known[0].SourceKey, normalized.Count(n => n is not null) - fresh.Count);
        }

        return new PreparedBatch(batch, readAt, known, knownKeys, [.. fresh]);
    }
}
