using ContactCenter.Core.Intake;

namespace ContactCenter.Ml;

/// <summary>Where the classifier gets its model: the service's reloading provider, or each fold's model in cross-validation.</summary>
internal interface IRoutingModelSource
{
    /// <summary>The model for this draft, or null (none trained yet, or turned off): the rules alone decide.</summary>
    RoutingModel? ModelFor(TicketDraft draft);
}
