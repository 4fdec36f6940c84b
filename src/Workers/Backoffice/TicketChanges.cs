using ContactCenter.Core.Routing;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The backoffice acts on a ticket, applied inside the store's update. Each returns the events to append, the last one
/// being the act itself; <see cref="InvalidOperationException"/> means the act does not apply to this ticket.
/// Suspend, resume and a change of level need the SLA clock and planner (registered by <c>AddRouting</c>); a change of
/// category takes the office the routing rules give that category (without them, the default office).
/// </summary>
internal sealed class TicketChanges(TimeProvider time, SlaClock? clock = null, DueDatePlanner? planner = null, RoutingOptions? routing = null)
{
    public static string? Missing(TicketAction action, TicketChange change) => action switch
    {
        TicketAction.Suspend when string.IsNullOrWhiteSpace(change.WaitingFor) => "suspend needs waitingFor: the administration whose opinion is awaited.",
        TicketAction.Reclassify when change.Level is null && string.IsNullOrWhiteSpace(change.Category) => "reclassify needs a level or a category.",
        _ => null,
    };

    public IReadOnlyList<TicketEvent> Apply(Ticket ticket, TicketAction action, TicketChange change, ServiceMode mode)
    {
        var now = time.GetUtcNow();
        return action switch
        {
            TicketAction.Close => Close(ticket, change, mode, now),
            TicketAction.Reopen => Reopen(ticket, change, mode, now),
            TicketAction.Reclassify => Reclassify(ticket, change, mode, now),
            TicketAction.Suspend => Clock().Suspend(ticket, now, change.WaitingFor!, change.Actor),
            TicketAction.Resume => Clock().Resume(ticket, now, change.Actor),
            TicketAction.Reviewed => Reviewed(ticket, change, now),
            _ => throw new InvalidOperationException($"Unknown action {action}."),
        };
    }

    /// <summary>
    /// Closing a suspended ticket ends the wait as a resume does, due date moved by it: otherwise the published
    /// on-time figure would depend on whether an operator clicked "resume" before "close".
    /// </summary>
    private IReadOnlyList<TicketEvent> Close(Ticket ticket, TicketChange change, ServiceMode mode, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already closed.");
        }

        var events = new List<TicketEvent>();
        if (ticket.IsSuspended && clock is not null)
        {
            events.AddRange(clock.Resume(ticket, now, change.Actor));
        }
        else if (ticket.IsSuspended)
        {
            ticket.Suspensions[^1].Until = now;
        }

        ticket.Status = TicketStatus.Closed;
        ticket.ClosedAt = now;
        events.Add(new TicketEvent { At = now, Kind = TicketEventKind.Closed, Actor = change.Actor, Detail = Text(change.Reason, "closed") });
        return events;
    }

    /// <summary>
    /// An operator's reopen starts a new answer clock at the ticket's level, as a follow-up's does: with the old due
    /// date the ticket was overdue at once and its next closing could never count as on time.
    /// </summary>
    private IReadOnlyList<TicketEvent> Reopen(Ticket ticket, TicketChange change, ServiceMode mode, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Open)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already open.");
        }

        ticket.Status = TicketStatus.Open;
        ticket.ClosedAt = null;
        ticket.ReopenedAt = now;
        var events = new List<TicketEvent>();
        if (planner is not null && clock is not null)
        {
            var oldDue = ticket.DueAt;
            var plan = planner.Plan(ticket.Classification.Level, ticket.Channel, now, mode);
            (ticket.ClockStartedAt, ticket.DueAt, ticket.ClockMode, ticket.ClockChannel) = (plan.ClockStartedAt, plan.DueAt, mode, null);
            events.Add(new TicketEvent { At = now, Kind = TicketEventKind.DueDateChanged, Actor = change.Actor,
                Detail = $"due date moved from {clock.Describe(oldDue)} to {clock.Describe(ticket.DueAt)} (reopened: a new answer clock)" });
        }

        events.Add(new TicketEvent { At = now, Kind = TicketEventKind.Reopened, Actor = change.Actor, Detail = Text(change.Reason, "reopened") });
        return events;
    }

    /// <summary>The flag goes; the reason it was raised stays in the history (the FlaggedForReview event) and in this one.</summary>
    private static IReadOnlyList<TicketEvent> Reviewed(Ticket ticket, TicketChange change, DateTimeOffset now)
    {
        if (!ticket.NeedsReview)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is not flagged for review.");
        }

        var flagged = ticket.ReviewReason;
        ticket.NeedsReview = false;
        ticket.ReviewReason = null;
        var detail = Text(change.Reason, "reviewed") + (string.IsNullOrWhiteSpace(flagged) ? "" : $" (flagged: {flagged})");
        return [new TicketEvent { At = now, Kind = TicketEventKind.Reviewed, Actor = change.Actor, Detail = detail }];
    }

    private IReadOnlyList<TicketEvent> Reclassify(Ticket ticket, TicketChange change, ServiceMode mode, DateTimeOffset now)
    {
        var old = ticket.Classification;
        var level = change.Level ?? old.Level;
        var category = string.IsNullOrWhiteSpace(change.Category) ? old.Category : change.Category.Trim();
        if (level == old.Level && category == old.Category)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already level {(int)level}, {category}.");
        }

        var reason = Text(change.Reason, "corrected");
        // A ticket moved to another category goes to that category's office, as the classifier would have sent it.
        var office = category == old.Category ? old.Office : (routing ?? new RoutingOptions()).OfficeFor(category);
        ticket.Classification = new Classification
        {
            Level = level, Category = category, Office = office, Priority = old.Priority, RuleName = "correction",
            Matches = [reason, $"was level {(int)old.Level}, {old.Category} (rule {old.RuleName})"], IsCorrection = true,
        };
        var events = new List<TicketEvent>
        {
            new() { At = now, Kind = TicketEventKind.Reclassified, Actor = change.Actor,
                Detail = $"level {(int)old.Level} -> {(int)level}, {old.Category} -> {category}: {reason}" },
        };
        if (level != old.Level && planner is not null && clock is not null)
        {
            var oldDue = ticket.DueAt;
            ticket.DueAt = clock.DueFor(ticket);
            events.Add(new TicketEvent { At = now, Kind = TicketEventKind.DueDateChanged, Actor = change.Actor,
                Detail = $"due date moved from {clock.Describe(oldDue)} to {clock.Describe(ticket.DueAt)} (new level)" });
        }

        return events;
    }

    private SlaClock Clock() =>
        clock ?? throw new InvalidOperationException("The SLA clock is not configured (ContactCenter:Sla): cannot suspend or resume.");

    private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
