using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Receipts;

/// <summary>RFC 3834 and the service's own limits: who may get a "presa in carico".</summary>
public interface IReceiptPolicy
{
    ValueTask<ReceiptDecision> DecideAsync(TicketDraft draft, CancellationToken cancellationToken);
}
