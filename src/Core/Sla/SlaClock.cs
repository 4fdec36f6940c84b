using System.Globalization;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Sla;

/// <summary>
/// Stops and restarts a ticket's answer clock while another administration's opinion is awaited. The ticket's
/// suspensions and due date are updated here; the returned events are for the caller to add to the history (in
/// the same store update).
/// <para>Resuming moves the due date by the time suspended since the clock started (<see cref="DueFor"/>), counted as
/// the ticket's policy counts, never rounded up to a closing time (a one-minute pause moves it by one minute, not to
/// the next day's closing):
/// calendar days: by the suspended wall-clock time in the service's zone (days stay whole across a DST change), from
/// the deadline before it was moved off a closed day; a result on a closed day becomes that day's next working day at
/// closing time, as any due date on a closed day does;
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

    public IReadOnlyList<TicketEvent> Resume(Ticket ticket, DateTimeOffset at, string actor = "system")
    {
        if (!ticket.IsSuspended)
        {
            throw new InvalidOperationException($"Ticket {ticket.Number} is not suspended.");
        }

        var suspension = ticket.Suspensions[^1];
        ArgumentOutOfRangeException.ThrowIfLessThan(at, suspension.From);
        suspension.Until = at;
        var oldDue = ticket.DueAt;
        ticket.DueAt = DueFor(ticket);
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

    /// <summary>
    /// The due date of the ticket's current clock at its level, worked out from the start every time (a resume and a
    /// new level alike): planned from the clock's start in the mode and for the channel it was planned in, then moved
    /// by every finished suspension since it started. Waiting before the clock started (a request suspended on a
    /// Friday evening, resumed on Monday) moves nothing: no time of the answer's was spent. With calendar days the
    /// waits are added to the deadline as it was before it moved off a closed day, and the sum is moved once: adding
    /// each wait to a date already moved to Monday gave the office the weekend on top, and a wait split in two got
    /// a later date than the same wait in one.
    /// </summary>
    /// <remarks>
    /// A ticket from before <see cref="Ticket.ClockMode"/> was recorded counts as planned in ordinary mode, whatever the
    /// mode is now: the mode of the moment would change its due date with the moment an operator acts on it.
    /// </remarks>
    public DateTimeOffset DueFor(Ticket ticket)
    {
        var mode = ticket.ClockMode ?? ServiceMode.Ordinary;
        var channel = ticket.ClockChannel ?? ticket.Channel;
        var level = ticket.Classification.Level;
        var origin = ticket.ClockStartedAt > ticket.ReceivedAt ? ticket.ClockStartedAt : ticket.ReceivedAt;
        var plan = planner.Plan(level, channel, origin, mode);
        var policy = planner.PolicyFor(level, channel, mode);
        var waits = ticket.Suspensions
            .Where(s => s.Until is { } until && until > origin)
            .Select(s => (From: s.From > origin ? s.From : origin, Until: s.Until!.Value))
            .ToList();
        if (waits.Count == 0)
        {
            return plan.DueAt;
        }

        if (mode == ServiceMode.Emergency)
        {
            return waits.Aggregate(plan.DueAt, (due, w) => due + (w.Until - w.From));
        }

        if (policy.DayKind == DayKind.WorkingDays)
        {
            return calendar.AddOpenTime(plan.DueAt, waits.Aggregate(TimeSpan.Zero, (sum, w) => sum + calendar.OpenTimeBetween(w.From, w.Until)));
        }

        var deadline = calendar.LocalDate(plan.ClockStartedAt).AddDays(policy.Days).ToDateTime(calendar.Closes);
        var moved = waits.Aggregate(deadline, (due, w) => due + WallClockTime(w.From, w.Until));
        var date = DateOnly.FromDateTime(moved);
        return calendar.IsWorkingDay(date)
            ? ZonedTime.ToInstant(date, TimeOnly.FromDateTime(moved), calendar.Zone)
            : calendar.ClosingOn(calendar.WorkingDayOnOrAfter(date));
    }

    /// <summary>Calendar time in the service's zone: days stay whole across a DST change.</summary>
    private TimeSpan WallClockTime(DateTimeOffset from, DateTimeOffset until)
    {
        var wall = calendar.ToLocal(until).DateTime - calendar.ToLocal(from).DateTime;
        // Inside the hour that autumn's change repeats, wall clocks can run backwards: the real time then counts.
        return wall > TimeSpan.Zero ? wall : until - from;
    }

    /// <summary>An instant as the history shows it: local time in the service's zone, with the offset and the zone named.</summary>
    public string Describe(DateTimeOffset instant) =>
        $"{calendar.ToLocal(instant).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)} ({calendar.Zone.Id})";

    private static string Format(TimeSpan span) =>
        span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h {span.Minutes}m" : $"{span.Hours}h {span.Minutes}m";
}
