using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Sla;

/// <summary>Sets due dates on the service charter's business calendar.</summary>
public interface IDueDatePlanner
{
    SlaPlan Plan(ServiceLevel level, ChannelKind channel, DateTimeOffset receivedAt, ServiceMode mode);
}
