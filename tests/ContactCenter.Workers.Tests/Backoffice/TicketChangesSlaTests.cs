using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Backoffice;

/// <summary>Acts that move the due date, with the SLA clock and planner wired as the service wires them (Europe/Rome).</summary>
public sealed class TicketChangesSlaTests
{
    private static readonly SlaOptions Options = new();
    private static readonly BusinessCalendar Calendar = new(Options);
    private static readonly DueDatePlanner Planner = new(Calendar, Microsoft.Extensions.Options.Options.Create(Options), NullLogger<DueDatePlanner>.Instance);
    private static readonly SlaClock Clock = new(Calendar, Planner, NullLogger<SlaClock>.Instance);

    private readonly FakeTimeProvider time = new();

    [Fact]
    public void Close_SuspendedTicket_DueDateMovedByTheWait_AsIfResumedFirst()
    {
        var received = Rome(2026, 3, 2, 9);
        time.SetUtcNow(Rome(2026, 3, 3, 10));
        var closedDirectly = Ticket(received);
        var resumedFirst = Ticket(received);
        foreach (var ticket in new[] { closedDirectly, resumedFirst })
        {
            Changes().Apply(ticket, TicketAction.Suspend, new TicketChange { WaitingFor = "Regione", Actor = "anna" }, ServiceMode.Ordinary);
        }

        time.SetUtcNow(Rome(2026, 3, 20, 10));
        Changes().Apply(resumedFirst, TicketAction.Resume, new TicketChange { Actor = "anna" }, ServiceMode.Ordinary);
        Changes().Apply(resumedFirst, TicketAction.Close, new TicketChange { Actor = "anna" }, ServiceMode.Ordinary);
        var events = Changes().Apply(closedDirectly, TicketAction.Close, new TicketChange { Actor = "anna", Reason = "parere ricevuto, risposto" }, ServiceMode.Ordinary);

        closedDirectly.DueAt.Should().Be(resumedFirst.DueAt).And.BeAfter(Planner.Plan(ServiceLevel.First, ChannelKind.Email, received, ServiceMode.Ordinary).DueAt);
        closedDirectly.ClosedAt.Should().BeBefore(closedDirectly.DueAt, "17 days waiting for the Regione do not count: answered on time");
        closedDirectly.IsSuspended.Should().BeFalse();
        events.Select(e => e.Kind).Should().Equal(TicketEventKind.Resumed, TicketEventKind.DueDateChanged, TicketEventKind.Closed);
    }

    [Fact]
    public void Reclassify_TicketReopenedByAFollowUp_PlansFromItsNewClock_NotTheFirstArrival()
    {
        var ticket = Ticket(Rome(2026, 1, 12, 9));
        ticket.Suspensions.Add(new SlaSuspension { From = Rome(2026, 1, 13, 9), Until = Rome(2026, 1, 20, 9), WaitingFor = "ASL" });
        // Closed in January, reopened by a follow-up on 2 March: a new clock (as the store's reopen sets it).
        var restarted = Planner.Plan(ServiceLevel.First, ChannelKind.Email, Rome(2026, 3, 2, 10), ServiceMode.Ordinary);
        (ticket.ClockStartedAt, ticket.DueAt) = (restarted.ClockStartedAt, restarted.DueAt);
        time.SetUtcNow(Rome(2026, 3, 3, 10));

        Changes().Apply(ticket, TicketAction.Reclassify, new TicketChange { Level = ServiceLevel.Second, Actor = "anna", Reason = "serve la Regione" }, ServiceMode.Ordinary);

        ticket.DueAt.Should().Be(Planner.Plan(ServiceLevel.Second, ChannelKind.Email, Rome(2026, 3, 2, 10), ServiceMode.Ordinary).DueAt,
            "40 days from the clock the follow-up started; January's wait belongs to the first clock");
        ticket.DueAt.Should().BeAfter(time.GetUtcNow());
    }

    [Fact]
    public void Reclassify_NeverReopened_SameDueDateAsFromTheArrival()
    {
        var received = Rome(2026, 3, 7, 11); // a Saturday: the clock starts on Monday's opening
        var ticket = Ticket(received);
        ticket.Suspensions.Add(new SlaSuspension { From = Rome(2026, 3, 10, 9), Until = Rome(2026, 3, 12, 9), WaitingFor = "ASL" });
        time.SetUtcNow(Rome(2026, 3, 13, 10));

        Changes().Apply(ticket, TicketAction.Reclassify, new TicketChange { Level = ServiceLevel.Second, Actor = "anna" }, ServiceMode.Ordinary);

        // Clock from Monday 9 March: 40 days end on Saturday 18 April; two days' wait make it Monday 20 April. Adding
        // them to the Monday the Saturday had already moved to gave Wednesday 22 April, two days nobody waited.
        ticket.DueAt.Should().Be(new DateTimeOffset(2026, 4, 20, 18, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Reclassify_AfterTheEmergencyEnded_KeepsTheModeTheClockWasPlannedIn()
    {
        var received = Rome(2026, 3, 7, 23); // Saturday night, during an emergency: the clock runs at once
        var plan = Planner.Plan(ServiceLevel.First, ChannelKind.Email, received, ServiceMode.Emergency);
        var ticket = Ticket(received);
        (ticket.ClockStartedAt, ticket.DueAt, ticket.ClockMode) = (plan.ClockStartedAt, plan.DueAt, ServiceMode.Emergency);
        time.SetUtcNow(Rome(2026, 3, 10, 10));

        Changes().Apply(ticket, TicketAction.Reclassify, new TicketChange { Level = ServiceLevel.Second, Actor = "anna" }, ServiceMode.Ordinary);

        ticket.DueAt.Should().Be(new DateTimeOffset(2026, 4, 16, 23, 0, 0, TimeSpan.FromHours(2)),
            "40 days from the arrival at the same local hour, as promised in the emergency, not from Monday's opening");
    }

    [Fact]
    public void Reopen_ByAnOperatorWeeksAfterClosing_NewClockAtTheTicketsLevel_NotOverdueAtOnce()
    {
        var ticket = Ticket(Rome(2026, 3, 2, 9));
        time.SetUtcNow(Rome(2026, 3, 5, 10));
        Changes().Apply(ticket, TicketAction.Close, new TicketChange { Actor = "anna" }, ServiceMode.Ordinary);
        time.SetUtcNow(Rome(2026, 3, 20, 10));

        var events = Changes().Apply(ticket, TicketAction.Reopen, new TicketChange { Actor = "anna", Reason = "il cittadino ha richiamato" }, ServiceMode.Ordinary);

        ticket.DueAt.Should().Be(Planner.Plan(ServiceLevel.First, ChannelKind.Email, Rome(2026, 3, 20, 10), ServiceMode.Ordinary).DueAt);
        ticket.DueAt.Should().BeAfter(time.GetUtcNow());
        ticket.ClockStartedAt.Should().Be(Rome(2026, 3, 20, 10));
        ticket.ReopenedAt.Should().Be(Rome(2026, 3, 20, 10));
        events.Select(e => e.Kind).Should().Equal(TicketEventKind.DueDateChanged, TicketEventKind.Reopened);
    }

    private TicketChanges Changes() => new(time, Clock, Planner);

    private static Ticket Ticket(DateTimeOffset received)
    {
        var plan = Planner.Plan(ServiceLevel.First, ChannelKind.Email, received, ServiceMode.Ordinary);
        return new Ticket
        {
            Number = "PC-2026-000001",
            Channel = ChannelKind.Email,
            ReceivedAt = received,
            ClockStartedAt = plan.ClockStartedAt,
            DueAt = plan.DueAt,
            Classification = new Classification { Level = ServiceLevel.First, Category = "informazioni", RuleName = "meteo" },
        };
    }

    private static DateTimeOffset Rome(int year, int month, int day, int hour) =>
        new(year, month, day, hour, 0, 0, TimeSpan.FromHours(1));
}
