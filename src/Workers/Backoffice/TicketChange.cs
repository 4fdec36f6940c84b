using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>The body of a ticket action; each action reads the fields it needs.</summary>
internal sealed record TicketChange
{
    /// <summary>Who acts, recorded in the history (e.g. <c>cli:mrossi</c>, <c>backoffice:anna</c>).</summary>
    public string Actor { get; init; } = "unknown";

    /// <summary>Close: the answer given; reopen and reclassify: why.</summary>
    public string? Reason { get; init; }

    /// <summary>Reclassify: the new level (unchanged when null).</summary>
    public ServiceLevel? Level { get; init; }

    /// <summary>Reclassify: the new category (unchanged when null).</summary>
    public string? Category { get; init; }

    /// <summary>Suspend: the administration whose opinion is awaited.</summary>
    public string? WaitingFor { get; init; }
}
