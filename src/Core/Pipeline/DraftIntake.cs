using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// A draft made by hand (an operator registering a phone call) takes the pipeline's own way from classification on:
/// rules, due date, receipt decision, one durable dispatch. Its source key makes a repeated request a no-op
/// (<see cref="DispatchOutcomeKind.Duplicate"/> with the ticket already opened).
/// </summary>
public sealed class DraftIntake
{
    private readonly ITicketStore store;
    private readonly DraftRouter router;
    private readonly IngestMetrics? metrics;

    internal DraftIntake(ITicketStore store, DraftRouter router, IngestMetrics? metrics)
    {
        this.store = store;
        this.router = router;
        this.metrics = metrics;
    }

    /// <summary>Throws <see cref="InboundItemRejectedException"/> when the routing rules fail on the draft.</summary>
    public async Task<DispatchOutcome> SubmitAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
        var (request, reason) = await router.RouteAsync(draft, mode, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            throw new InboundItemRejectedException(reason ?? "rejected by the routing rules");
        }

        var outcome = (await store.DispatchAsync([request], cancellationToken).ConfigureAwait(false))[0];
        metrics?.ItemIngested(draft.ChannelName, outcome.Kind.ToString());
        return outcome;
    }
}
