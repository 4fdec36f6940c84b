namespace ContactCenter.Core.Tickets;

/// <summary>Where a ticket goes and why: the rule that fired and what it matched.</summary>
public sealed class Classification
{
    public ServiceLevel Level { get; set; } = ServiceLevel.First;
    public string Category { get; set; } = "altro";
    public string? Office { get; set; }
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public string RuleName { get; set; } = "default";

    /// <summary>Human-readable reasons, e.g. <c>body contains "terremoto"</c>.</summary>
    public List<string> Matches { get; set; } = [];

    /// <summary>True when a backoffice operator set this by hand.</summary>
    public bool IsCorrection { get; set; }

    /// <summary>The learned model's verdict when a model is configured (null with rules alone).</summary>
    public ModelVerdict? Model { get; set; }
}
