using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing;

/// <summary>Where a request goes when no rule decides: the catch-all "default" rule.</summary>
public sealed class RoutingTarget
{
    public ServiceLevel Level { get; set; } = ServiceLevel.First;
    public string Category { get; set; } = "altro";
    public string? Office { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
}
