using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using static ContactCenter.Core.Tests.Sla.SlaSetup;

namespace ContactCenter.Core.Tests.Sla;

public sealed class SlaClockTests
{
    private static Ticket Ticket(DateTimeOffset due, ServiceLevel level = ServiceLevel.Second) => new()
    {
        Number = "CC-2026-000042",
        Channel = ChannelKind.Email,
        Classification = new Classification { Level = level },
        DueAt = due,
    };

    [Fact]
    public void Suspend_OpensASuspension_AndReturnsItsEvent()
    {
        var ticket = Ticket(At(2026, 4, 20, 18, 0, 2));

        var events = new SlaSetup().Clock.Suspend(ticket, At(2026, 3, 10, 10, 0, 1), "Regione Abruzzo", "operatore");

        ticket.IsSuspended.Should().BeTrue();
        ticket.Suspensions.Should().ContainSingle().Which.WaitingFor.Should().Be("Regione Abruzzo");
        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new TicketEvent
        {
            At = At(2026, 3, 10, 10, 0, 1), Kind = TicketEventKind.Suspended, Actor = "operatore",
            Detail = "waiting for Regione Abruzzo",
        });
    }

    [Fact]
    public void Suspend_Twice_OrOnAClosedTicket_Throws()
    {
        var clock = new SlaSetup().Clock;
        var ticket = Ticket(At(2026, 4, 20, 18, 0, 2));
        clock.Suspend(ticket, At(2026, 3, 10, 10, 0, 1), "Regione Abruzzo");
        var closed = Ticket(At(2026, 4, 20, 18, 0, 2));
        closed.Status = TicketStatus.Closed;

        FluentActions.Invoking(() => clock.Suspend(ticket, At(2026, 3, 11, 10, 0, 1), "ASL"))
            .Should().Throw<InvalidOperationException>().WithMessage("*already suspended*Regione Abruzzo*");
        FluentActions.Invoking(() => clock.Suspend(closed, At(2026, 3, 11, 10, 0, 1), "ASL"))
            .Should().Throw<InvalidOperationException>().WithMessage("*closed*");
    }

    [Fact]
    public void Resume_CalendarDays_MovesDueByTheSuspendedTime_NotToAClosingTime()
    {
        var clock = new SlaSetup().Clock;
        var ticket = Ticket(At(2026, 4, 20, 18, 0, 2));
        clock.Suspend(ticket, At(2026, 3, 10, 10, 0, 1), "Regione Abruzzo");

        var events = clock.Resume(ticket, At(2026, 3, 20, 15, 0, 1), "operatore");

        // 20 April 18:00 + 10 d 5 h = Thursday 30 April 23:00: a working day, so it stays; rounding it up to the next
        // working day's closing (4 May, past 1 May and the weekend) would give the office four days nobody suspended.
        ticket.DueAt.Should().Be(At(2026, 4, 30, 23, 0, 2));
        ticket.IsSuspended.Should().BeFalse();
        ticket.Suspensions[0].Until.Should().Be(At(2026, 3, 20, 15, 0, 1));
        events.Select(e => e.Kind).Should().Equal(TicketEventKind.Resumed, TicketEventKind.DueDateChanged);
        events[0].Detail.Should().Be("resumed after 10d 5h 0m waiting for Regione Abruzzo");
        events[1].Detail.Should().Be(
            "due date moved from 2026-04-20 18:00 +02:00 (Europe/Rome) to 2026-04-30 23:00 +02:00 (Europe/Rome) (clock suspended)");
    }

    // Due Wednesday 14 October 2026, 18:00 (+02:00). Suspensions: one minute, one day, Friday to Monday across a weekend.
    [Theory]
    [InlineData("2026-10-12T10:00+02:00", "2026-10-12T10:01+02:00", "2026-10-14T18:01+02:00")] // one minute: one minute
    [InlineData("2026-10-12T10:00+02:00", "2026-10-13T10:00+02:00", "2026-10-15T18:00+02:00")] // one day: one day
    [InlineData("2026-10-09T10:00+02:00", "2026-10-12T10:00+02:00", "2026-10-19T18:00+02:00")] // Fri-Mon: 3 days, Saturday 17th is closed
    [InlineData("2026-10-09T10:00+02:00", "2026-10-11T10:00+02:00", "2026-10-16T18:00+02:00")] // Fri-Sun: 2 days, to Friday
    [InlineData("2026-10-24T12:00+02:00", "2026-10-25T12:00+01:00", "2026-10-15T18:00+02:00")] // across the DST change: 25 h, one calendar day
    public void Resume_CalendarDays_MovesDueByTheCalendarTimeSuspended(string from, string until, string expected)
    {
        var sla = new SlaSetup();
        var ticket = Ticket(DateTimeOffset.Parse("2026-10-14T18:00+02:00"));
        sla.Clock.Suspend(ticket, DateTimeOffset.Parse(from), "Regione Abruzzo");

        sla.Clock.Resume(ticket, DateTimeOffset.Parse(until));

        ticket.DueAt.Should().Be(DateTimeOffset.Parse(expected));
    }

    [Theory]
    [InlineData("2026-10-12T10:00+02:00", "2026-10-12T10:01+02:00", "2026-10-15T09:01+02:00")] // one minute of service time
    [InlineData("2026-10-12T10:00+02:00", "2026-10-13T10:00+02:00", "2026-10-15T18:00+02:00")] // one day: 9 h of service, one working day
    [InlineData("2026-10-09T10:00+02:00", "2026-10-12T10:00+02:00", "2026-10-15T18:00+02:00")] // Fri-Mon: the weekend does not count
    [InlineData("2026-10-12T18:30+02:00", "2026-10-13T08:30+02:00", "2026-10-14T18:00+02:00")] // a night: no service time, no move
    public void Resume_WorkingDays_MovesDueByTheServiceTimeSuspended(string from, string until, string expected)
    {
        var sla = new SlaSetup(o => o.Policies.Add(new SlaPolicy { Level = ServiceLevel.Second, Days = 20, DayKind = DayKind.WorkingDays }));
        var ticket = Ticket(DateTimeOffset.Parse("2026-10-14T18:00+02:00"));
        sla.Clock.Suspend(ticket, DateTimeOffset.Parse(from), "Prefettura");

        sla.Clock.Resume(ticket, DateTimeOffset.Parse(until));

        ticket.DueAt.Should().Be(DateTimeOffset.Parse(expected));
    }

    [Fact]
    public void Resume_WorkingDays_MovesDueByTheOpenTimeSuspended()
    {
        var sla = new SlaSetup(o => o.Policies.Add(
            new SlaPolicy { Level = ServiceLevel.Second, Days = 20, DayKind = DayKind.WorkingDays }));
        var ticket = Ticket(At(2026, 3, 27, 18, 0, 1));
        sla.Clock.Suspend(ticket, At(2026, 3, 2, 14, 0, 1), "Prefettura");

        sla.Clock.Resume(ticket, At(2026, 3, 4, 11, 0, 1));

        // 4 h + 9 h + 2 h of service suspended, added from Friday's closing across the spring DST change.
        ticket.DueAt.Should().Be(At(2026, 3, 31, 15, 0, 2));
    }

    [Fact]
    public void Resume_WorkingDays_AfterAWeekendOnly_LeavesTheDueDate()
    {
        var sla = new SlaSetup(o => o.Policies.Add(
            new SlaPolicy { Level = ServiceLevel.Second, Days = 20, DayKind = DayKind.WorkingDays }));
        var ticket = Ticket(At(2026, 3, 27, 18, 0, 1));
        sla.Clock.Suspend(ticket, At(2026, 3, 7, 10, 0, 1), "Comune");

        var events = sla.Clock.Resume(ticket, At(2026, 3, 8, 20, 0, 1));

        ticket.DueAt.Should().Be(At(2026, 3, 27, 18, 0, 1));
        events.Should().ContainSingle().Which.Kind.Should().Be(TicketEventKind.Resumed);
    }

    [Fact]
    public void Resume_InEmergency_MovesDueByTheElapsedTimeExactly()
    {
        var clock = new SlaSetup().Clock;
        var ticket = Ticket(At(2026, 3, 14, 23, 30, 1));
        clock.Suspend(ticket, At(2026, 3, 8, 1, 0, 1), "Vigili del fuoco");

        clock.Resume(ticket, At(2026, 3, 9, 4, 15, 1), mode: ServiceMode.Emergency);

        ticket.DueAt.Should().Be(At(2026, 3, 16, 2, 45, 1));
    }

    [Fact]
    public void Resume_WhenNotSuspended_Throws() =>
        FluentActions.Invoking(() => new SlaSetup().Clock.Resume(Ticket(At(2026, 4, 20, 18, 0, 2)), At(2026, 3, 1, 9, 0, 1)))
            .Should().Throw<InvalidOperationException>().WithMessage("*not suspended*");
}
