using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>Decides the backoffice level and category of a draft, always with its reason.</summary>
public interface ITicketClassifier
{
    Classification Classify(TicketDraft draft);
}
