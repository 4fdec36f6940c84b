using ContactCenter.Core.Intake;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>Classifies a draft, plans its due date and decides its receipt: the request handed to the store.</summary>
internal sealed class DraftRouter(ITicketClassifier classifier, IDueDatePlanner planner, IReceiptPolicy receipts)
{
    /// <summary>Returns the request, or a quarantine reason when the rules themselves fail on this draft.</summary>
    public async Task<(DispatchRequest? Request, string? RejectReason)> RouteAsync(TicketDraft draft, ServiceMode mode, CancellationToken cancellationToken)
    {
        // The classifier asks the same (DraftWords.Unavailable); here the ticket is made to record it.
        draft.TextUnavailable = DraftWords.Unavailable(draft);

        Tickets.Classification classification;
        SlaPlan plan;
        SlaPlan other;
        try
        {
            classification = classifier.Classify(draft);
            plan = planner.Plan(classification.Level, draft.Channel, draft.ReceivedAt, mode);
            // Calendar arithmetic only: planned for the case where the item reopens a ticket of the other level.
            var otherLevel = classification.Level == Tickets.ServiceLevel.First ? Tickets.ServiceLevel.Second : Tickets.ServiceLevel.First;
            other = planner.Plan(otherLevel, draft.Channel, draft.ReceivedAt, mode);
        }
        catch (Exception ex)
        {
            return (null, $"routing failed: {ex.GetType().Name}: {ex.Message}");
        }

        // An unsure learned model asks for an operator's look, through the same review flag as an unreadable scan.
        if (classification.Model?.ReviewReason is { } review)
        {
            draft.NeedsReview = true;
            draft.ReviewReason = draft.ReviewReason is { Length: > 0 } earlier ? $"{earlier}; {review}" : review;
        }

        // A policy failure ends the poll like a store failure: the item is not quarantined for the service's own fault.
        var receipt = await receipts.DecideAsync(draft, cancellationToken).ConfigureAwait(false);
        return (new DispatchRequest
        {
            Draft = draft,
            Classification = classification,
            ClockStartedAt = plan.ClockStartedAt,
            DueAt = plan.DueAt,
            Mode = mode,
            OtherLevelPlan = other,
            ReceiptTo = receipt.To,
            ReceiptSuppressedReason = receipt.SuppressedReason,
            ReceiptLimit = receipt.Limit,
        }, null);
    }
}
