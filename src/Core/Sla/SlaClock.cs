using System.Globalization;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Sla;

/// <summary>
/// Stops and restarts a ticket's answer clock while another administration's opinion is awaited. The ticket's
/// suspensions and due date are updated here; the returned events are for the caller to add to the history (in
/// the same store update).
/// <para>Resuming moves the due date by the time suspended, counted as the ticket's policy counts, never rounded up
/// to a closing time (a one-minute pause moves it by one minute, not to the next day's closing):
/// calendar days: by the suspended wall-clock time in the service's zone (days stay whole across a DST change); a
/// result on a closed day becomes that day's next working day at closing time, as any due date on a closed day does;
/// working days: by the service time (opening hours of working days) that passed while suspended, added in service time;
/// emergency mode (24/7): by the suspended elapsed time exactly.</para>
/// </summary>
public sealed class SlaClock(BusinessCalendar calendar, DueDatePlanner planner, ILogger<SlaClock> logger)
{
    public IReadOnlyList<TicketEvent> Suspend(Ticket ticket, DateTimeOffset at, string waitingFor, string actor = "system")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(waitingFor);
        if (ticket.Status == TicketStatus.Closed)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is closed: its clock cannot be suspended.");
        }

        if (ticket.IsSuspended)
        {
            throw new InvalidOperationException(
                $"Ticket {ticket.Number} is already suspended, waiting for {ticket.Suspensions[^1].WaitingFor}.");
        }

        ticket.Suspensions.Add(new SlaSuspension { From = at, WaitingFor = waitingFor.Trim() });
        SlaLog.Suspended(logger, ticket.Number, at, waitingFor);
        return [new TicketEvent { At = at, Kind = TicketEventKind.Suspended, Actor = actor, Detail = $"waiting for {waitingFor.Trim()}" }];
    }

    public IReadOnlyList<TicketEvent> Resume(
        Ticket ticket, DateTimeOffset at, string actor = "system", ServiceMode mode = ServiceMode.Ordinary)
    {
        if (!ticket.IsSuspended)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is not suspended.");
        }

        var suspension = ticket.Suspensions[^1];
        ArgumentOutOfRangeException.ThrowIfLessThan(at, suspension.From);
        suspension.Until = at;
        var oldDue = ticket.DueAt;
        ticket.DueAt = MovedDueDate(oldDue, suspension.From, at, planner.PolicyFor(ticket.Classification.Level, ticket.Channel, mode), mode);
        SlaLog.Resumed(logger, ticket.Number, at, oldDue, ticket.DueAt);

        var events = new List<TicketEvent>
        {
            new() { At = at, Kind = TicketEventKind.Resumed, Actor = actor,
                Detail = $"resumed after {Format(at - suspension.From)} waiting for {suspension.WaitingFor}" },
        };
        if (ticket.DueAt != oldDue)
        {
            events.Add(new TicketEvent { At = at, Kind = TicketEventKind.DueDateChanged, Actor = actor,
                Detail = $"due date moved from {Describe(oldDue)} to {Describe(ticket.DueAt)} (clock suspended)" });
        }

        return events;
    }

    public DateTimeOffset MovedDueDate(
        DateTimeOffset due, DateTimeOffset from, DateTimeOffset until, SlaPolicy policy, ServiceMode mode)
    {
        if (until <= from)
        {
            return due;
        }

        if (mode == ServiceMode.Emergency)
        {
            return due + (until - from);
        }

        if (policy.DayKind == DayKind.WorkingDays)
        {
            return calendar.AddOpenTime(due, calendar.OpenTimeBetween(from, until));
        }

        var suspended = calendar.ToLocal(until).DateTime - calendar.ToLocal(from).DateTime;
        if (suspended <= TimeSpan.Zero)
        {
            // Inside the hour that autumn's change repeats, wall clocks can run backwards: the real time then counts.
            suspended = until - from;
        }

        var moved = calendar.ToLocal(due).DateTime + suspended;
        var date = DateOnly.FromDateTime(moved);
        return calendar.IsWorkingDay(date)
            ? ZonedTime.ToInstant(date, TimeOnly.FromDateTime(moved), calendar.Zone)
            : calendar.ClosingOn(calendar.WorkingDayOnOrAfter(date));
    }

    /// <summary>An instant as the history shows it: local time in the service's zone, with the offset and the zone named.</summary>
    public string Describe(DateTimeOffset instant) =>
        $"{calendar.ToLocal(instant).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} ({calendar.Zone.Id})";

    private static string Format(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m" : $"{span.Hours}h {span.Minutes}m";
}
