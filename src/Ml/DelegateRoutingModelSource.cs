using ContactCenter.Core.Intake;

namespace ContactCenter.Ml;

/// <summary>A model chosen per draft by a function: the fold's model in cross-validation, or a fixed one.</summary>
internal sealed class DelegateRoutingModelSource(Func<TicketDraft, RoutingModel?> modelFor) : IRoutingModelSource
{
    public RoutingModel? ModelFor(TicketDraft draft) => modelFor(draft);
}
