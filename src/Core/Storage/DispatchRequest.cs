using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>A normalised, classified item ready for the store.</summary>
public sealed class DispatchRequest
{
    public required TicketDraft Draft { get; init; }

    public required Classification Classification { get; init; }

    public required DateTimeOffset ClockStartedAt { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>The service mode the plans were made in, recorded on the ticket (<see cref="Ticket.ClockMode"/>).</summary>
    public ServiceMode Mode { get; init; }

    /// <summary>
    /// The plan at the other service level. A follow-up that reopens a ticket restarts its clock at the ticket's
    /// level, which need not be the level its own words were classified at (a "grazie" on a second-level ticket);
    /// null where it was not planned, and <see cref="PlanFor"/> then gives this request's own plan.
    /// </summary>
    public Sla.SlaPlan? OtherLevelPlan { get; init; }

    /// <summary>The clock and due date this item starts at <paramref name="level"/>.</summary>
    public Sla.SlaPlan PlanFor(ServiceLevel level) =>
        level == Classification.Level || OtherLevelPlan is null ? new Sla.SlaPlan(ClockStartedAt, DueAt) : OtherLevelPlan;

    /// <summary>Address to queue a receipt for if this item opens a new ticket; null for none.</summary>
    public string? ReceiptTo { get; init; }

    /// <summary>Why no receipt is queued, recorded in the history (e.g. "no reply address").</summary>
    public string? ReceiptSuppressedReason { get; init; }

    /// <summary>
    /// The daily limit for <see cref="ReceiptTo"/>: the store queues the receipt only if fewer receipts were queued
    /// to that address since <see cref="Receipts.ReceiptDailyLimit.Since"/>, counting the ones of this very dispatch.
    /// </summary>
    public Receipts.ReceiptDailyLimit? ReceiptLimit { get; init; }
}
