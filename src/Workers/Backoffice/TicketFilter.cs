using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>What <c>tickets list</c> and <c>GET /api/tickets</c> filter on; "overdue" is judged by the store's clock.</summary>
internal sealed record TicketFilter
{
    /// <summary>
    /// What <c>tickets list</c> and <c>GET /api/tickets</c> return when no limit is given: a store of several years
    /// holds millions of tickets, and one unfiltered call must not load them all into the service and the wire.
    /// </summary>
    public const int DefaultListLimit = 1000;

    /// <summary>True when a list asked without a limit came back full: there may be more than it shows.</summary>
    public static bool IsCut(int? askedLimit, int returned) => askedLimit is null && returned >= DefaultListLimit;

    public TicketStatus? Status { get; init; }
    public string? Channel { get; init; }
    public bool Overdue { get; init; }
    public DateTimeOffset? DueBefore { get; init; }
    public bool Review { get; init; }

    /// <summary>Only tickets an operator reclassified (<c>classify train</c> reads these, not the whole store).</summary>
    public bool Corrected { get; init; }

    /// <summary>The sender's e-mail, fiscal code, or phone or fax number as written ("0862 123456").</summary>
    public string? Sender { get; init; }
    public int? Limit { get; init; }

    /// <summary>Received at or after this instant.</summary>
    public DateTimeOffset? ReceivedFrom { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? ReceivedBefore { get; init; }

    /// <summary>
    /// The next page: tickets after the one of this number in the list's order (its arrival, then its number). The
    /// client that holds the store finds it, once; none of that number is <see cref="UnknownTicketException"/>.
    /// </summary>
    public string? After { get; init; }

    /// <summary>The latest arrival first (then the higher number); <see cref="After"/> then pages back in time.</summary>
    public bool NewestFirst { get; init; }

    /// <summary>True when a page came back full: the next one starts after its last ticket.</summary>
    public static bool MayHaveMore(int? askedLimit, int returned) => returned > 0 && returned >= (askedLimit ?? DefaultListLimit);
}
