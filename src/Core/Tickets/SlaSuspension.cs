namespace ContactCenter.Core.Tickets;

/// <summary>A period in which the answer clock stood still, waiting for another administration.</summary>
public sealed class SlaSuspension
{
    public DateTimeOffset From { get; set; }
    public DateTimeOffset? Until { get; set; }
    public string WaitingFor { get; set; } = "";
}
