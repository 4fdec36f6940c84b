using System.Runtime.ExceptionServices;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Stores a batch in one durable dispatch. When the store refuses the batch for something other than its own fault
/// (<see cref="StoreFault"/>), the items are dispatched one by one: an item refused alone, while the others are stored
/// and the store can still write its quarantine record, goes to quarantine with the store's reason. Failing the
/// poll instead refused the same batch again at every poll, and nothing behind that item on its channel was read.
/// When the store cannot write at all, the poll fails as before and nothing is acknowledged.
/// </summary>
internal sealed class BatchDispatcher(ITicketStore store, ItemQuarantine quarantine, ILogger logger, IngestMetrics? metrics)
{
    /// <summary>The outcomes of the items stored; an item quarantined instead is taken out of <paramref name="acknowledge"/>.</summary>
    public async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(
        IInboundSource source, IReadOnlyList<ItemDispatch> items, HashSet<InboundItem> acknowledge, PollCounters counters)
    {
        if (items.Count == 0)
        {
            return [];
        }

        List<DispatchRequest> requests = [.. items.SelectMany(i => i.Requests)];
        try
        {
            // Not cancellable: once normalised, the batch is stored as a whole or not at all.
            return await store.DispatchAsync(requests, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            PipelineLog.DispatchFailed(logger, ex, source.Name, requests.Count);
            if (StoreFault.Is(ex))
            {
                throw;
            }

            PipelineLog.DispatchingOneByOne(logger, source.Name, items.Count);
            return await OneByOneAsync(source, items, acknowledge, counters, ExceptionDispatchInfo.Capture(ex)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Each item in a dispatch of its own. When none of several is stored, the store is what fails, not each of them
    /// (a schema it cannot write to): the batch's failure ends the poll, and nothing is quarantined for it.
    /// </summary>
    private async Task<IReadOnlyList<DispatchOutcome>> OneByOneAsync(
        IInboundSource source, IReadOnlyList<ItemDispatch> items, HashSet<InboundItem> acknowledge, PollCounters counters, ExceptionDispatchInfo batchFailure)
    {
        var outcomes = new List<DispatchOutcome>();
        var refused = new List<(InboundItem Item, Exception Reason)>();
        foreach (var item in items)
        {
            try
            {
                outcomes.AddRange(await store.DispatchAsync(item.Requests, CancellationToken.None).ConfigureAwait(false));
            }
            catch (Exception ex) when (!StoreFault.Is(ex))
            {
                refused.Add((item.Item, ex));
            }
            catch (Exception)
            {
                batchFailure.Throw();
            }
        }

        if (outcomes.Count == 0 && items.Count > 1)
        {
            batchFailure.Throw();
        }

        foreach (var (item, reason) in refused)
        {
            var isNew = await QuarantineAsync(source, item, $"the store refused it: {reason.GetType().Name}: {reason.Message}", batchFailure).ConfigureAwait(false);
            acknowledge.Remove(item);
            counters.CountQuarantined(isNew, metrics);
        }

        return outcomes;
    }

    /// <summary>A store that cannot write the record either is out of order itself: the batch's failure ends the poll.</summary>
    private async Task<bool> QuarantineAsync(IInboundSource source, InboundItem item, string reason, ExceptionDispatchInfo batchFailure)
    {
        try
        {
            return await quarantine.QuarantineAsync(source, item, reason, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception)
        {
            batchFailure.Throw();
            throw; // not reached: Throw() always throws
        }
    }
}
