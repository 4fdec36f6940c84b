using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

public sealed class TicketQuery
{
    public TicketStatus? Status { get; init; }
    public string? ChannelName { get; init; }

    /// <summary>The ticket the item with this source key opened (unique, indexed in both stores).</summary>
    public string? SourceKey { get; init; }
    public DateTimeOffset? ReceivedFrom { get; init; }
    public DateTimeOffset? ReceivedTo { get; init; }
    public DateTimeOffset? DueBefore { get; init; }

    /// <summary>Open, not suspended, and due before this instant.</summary>
    public DateTimeOffset? OverdueAt { get; init; }

    /// <summary>
    /// Tickets of one sender, as an operator finds a citizen who calls without the number: their e-mail (any case),
    /// fiscal code (any case), or phone or fax number as the channels store it (E.164: see <see cref="SenderPhone"/>).
    /// </summary>
    public string? Sender { get; init; }

    /// <summary><see cref="Sender"/> as an E.164 number when it reads as one ("0862 123456" is +390862123456); else null.</summary>
    public string? SenderPhone { get; init; }

    /// <summary>Only tickets flagged for an operator's look (<see cref="Ticket.NeedsReview"/>) and not yet marked reviewed.</summary>
    public bool NeedsReview { get; init; }

    /// <summary>Only tickets whose classification an operator corrected (<c>tickets reclassify</c>): what the model learns from.</summary>
    public bool Corrected { get; init; }

    /// <summary>Only tickets after this one in the list's order (arrival, then number): the next page.</summary>
    public TicketCursor? After { get; init; }

    /// <summary>
    /// The list's order reversed: the latest arrival first, then the higher number, as an operator reads the newest
    /// requests; <see cref="After"/> then pages back in time.
    /// </summary>
    public bool NewestFirst { get; init; }

    /// <summary>At most this many tickets (1 or more; both stores refuse less); null for all.</summary>
    public int? Limit { get; init; }
}
