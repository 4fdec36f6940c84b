using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The backoffice acts on a ticket, applied inside the store's update. Each returns the events to append, the last one
/// being the act itself; <see cref="InvalidOperationException"/> means the act does not apply to this ticket.
/// Suspend and resume need the SLA clock (registered by <c>AddRouting</c>).
/// </summary>
internal sealed class TicketChanges(TimeProvider time, SlaClock? clock = null, IDueDatePlanner? planner = null)
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
            TicketAction.Close => Close(ticket, change, now),
            TicketAction.Reopen => Reopen(ticket, change, now),
            TicketAction.Reclassify => Reclassify(ticket, change, mode, now),
            TicketAction.Suspend => Clock().Suspend(ticket, now, change.WaitingFor!, change.Actor),
            TicketAction.Resume => Clock().Resume(ticket, now, change.Actor, mode),
            _ => throw new InvalidOperationException($"Unknown action {action}."),
        };
    }

    private static IReadOnlyList<TicketEvent> Close(Ticket ticket, TicketChange change, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Closed)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already closed.");
        }

        ticket.Status = TicketStatus.Closed;
        ticket.ClosedAt = now;
        if (ticket.IsSuspended)
        {
            ticket.Suspensions[^1].Until = now;
        }

        return [new TicketEvent { At = now, Kind = TicketEventKind.Closed, Actor = change.Actor, Detail = Text(change.Reason, "closed") }];
    }

    private static IReadOnlyList<TicketEvent> Reopen(Ticket ticket, TicketChange change, DateTimeOffset now)
    {
        if (ticket.Status == TicketStatus.Open)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already open.");
        }

        ticket.Status = TicketStatus.Open;
        ticket.ClosedAt = null;
        return [new TicketEvent { At = now, Kind = TicketEventKind.Reopened, Actor = change.Actor, Detail = Text(change.Reason, "reopened") }];
    }

    private IReadOnlyList<TicketEvent> Reclassify(Ticket ticket, TicketChange change, ServiceMode mode, DateTimeOffset now)
    {
        var before = ticket.Classification;
        var level = change.Level ?? before.Level;
        var category = string.IsNullOrWhiteSpace(change.Category) ? before.Category : change.Category.Trim();
        if (level == before.Level && category == before.Category)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is already level {(int)level}, category {category}.");
        }

        ticket.Classification = new Classification
        {
            Level = level, Category = category, Office = before.Office, Priority = before.Priority, RuleName = "manual",
            Matches = [Text(change.Reason, $"set by {change.Actor}")], IsCorrection = true,
        };
        var events = new List<TicketEvent>();
        // A new level has its own promised time; after a suspension the moved date stands (replanning would lose it).
        if (level != before.Level && planner is not null && ticket.Suspensions.Count == 0 && ticket.Status == TicketStatus.Open)
        {
            var due = planner.Plan(level, ticket.Channel, ticket.ReceivedAt, mode).DueAt;
            if (due != ticket.DueAt)
            {
                events.Add(new TicketEvent { At = now, Kind = TicketEventKind.DueDateChanged, Actor = change.Actor,
                    Detail = $"due date moved from {ticket.DueAt:u} to {due:u} (level {(int)level})" });
                ticket.DueAt = due;
            }
        }

        events.Add(new TicketEvent { At = now, Kind = TicketEventKind.Reclassified, Actor = change.Actor,
            Detail = $"level {(int)before.Level} {before.Category} -> level {(int)level} {category}: {Text(change.Reason, "corrected")}" });
        return events;
    }

    private SlaClock Clock() =>
        clock ?? throw new InvalidOperationException("The SLA clock is not configured (ContactCenter:Sla): cannot suspend or resume.");

    private static string Text(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
}
