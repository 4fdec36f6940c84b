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

    /// <summary>A ticket received at <paramref name="received"/>, its clock and due date planned as the pipeline plans them.</summary>
    private static Ticket Planned(SlaSetup sla, DateTimeOffset received, ServiceLevel level = ServiceLevel.Second, ServiceMode mode = ServiceMode.Ordinary)
    {
        var plan = sla.Planner.Plan(level, ChannelKind.Email, received, mode);
        var ticket = Ticket(plan.DueAt, level);
        (ticket.ReceivedAt, ticket.ClockStartedAt, ticket.ClockMode) = (received, plan.ClockStartedAt, mode);
        return ticket;
    }

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
        var sla = new SlaSetup();
        var clock = sla.Clock;
        var ticket = Planned(sla, At(2026, 3, 11, 10, 0, 1));
        ticket.DueAt.Should().Be(At(2026, 4, 20, 18, 0, 2));
        clock.Suspend(ticket, At(2026, 3, 11, 10, 0, 1), "Regione Abruzzo");

        var events = clock.Resume(ticket, At(2026, 3, 21, 15, 0, 1), "operatore");

        // 20 April 18:00 + 10 d 5 h = Thursday 30 April 23:00: a working day, so it stays; rounding it up to the next
        // working day's closing (4 May, past 1 May and the weekend) would give the office four days nobody suspended.
        ticket.DueAt.Should().Be(At(2026, 4, 30, 23, 0, 2));
        ticket.IsSuspended.Should().BeFalse();
        ticket.Suspensions[0].Until.Should().Be(At(2026, 3, 21, 15, 0, 1));
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
        var ticket = Planned(sla, DateTimeOffset.Parse("2026-09-04T09:00+02:00"));
        ticket.DueAt.Should().Be(DateTimeOffset.Parse("2026-10-14T18:00+02:00"));
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
        var ticket = Planned(sla, DateTimeOffset.Parse("2026-09-16T09:00+02:00"));
        ticket.DueAt.Should().Be(DateTimeOffset.Parse("2026-10-14T18:00+02:00"));
        sla.Clock.Suspend(ticket, DateTimeOffset.Parse(from), "Prefettura");

        sla.Clock.Resume(ticket, DateTimeOffset.Parse(until));

        ticket.DueAt.Should().Be(DateTimeOffset.Parse(expected));
    }

    [Fact]
    public void Resume_WorkingDays_MovesDueByTheOpenTimeSuspended()
    {
        var sla = new SlaSetup(o => o.Policies.Add(
            new SlaPolicy { Level = ServiceLevel.Second, Days = 20, DayKind = DayKind.WorkingDays }));
        var ticket = Planned(sla, At(2026, 2, 27, 9, 0, 1));
        ticket.DueAt.Should().Be(At(2026, 3, 27, 18, 0, 1));
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
        var ticket = Planned(sla, At(2026, 2, 27, 9, 0, 1));
        sla.Clock.Suspend(ticket, At(2026, 3, 7, 10, 0, 1), "Comune");

        var events = sla.Clock.Resume(ticket, At(2026, 3, 8, 20, 0, 1));

        ticket.DueAt.Should().Be(At(2026, 3, 27, 18, 0, 1));
        events.Should().ContainSingle().Which.Kind.Should().Be(TicketEventKind.Resumed);
    }

    [Fact]
    public void Resume_InEmergency_MovesDueByTheElapsedTimeExactly()
    {
        var sla = new SlaSetup();
        var ticket = Planned(sla, At(2026, 2, 2, 23, 30, 1), mode: ServiceMode.Emergency);
        ticket.DueAt.Should().Be(At(2026, 3, 14, 23, 30, 1));
        sla.Clock.Suspend(ticket, At(2026, 3, 8, 1, 0, 1), "Vigili del fuoco");

        sla.Clock.Resume(ticket, At(2026, 3, 9, 4, 15, 1));

        ticket.DueAt.Should().Be(At(2026, 3, 16, 2, 45, 1));
    }

    [Fact]
    public void Resume_TicketFromBeforeTheModeWasRecorded_CountsAsPlannedInOrdinaryMode()
    {
        var sla = new SlaSetup();
        var ticket = Planned(sla, At(2026, 3, 2, 9, 0, 1));
        ticket.ClockMode = null;
        sla.Clock.Suspend(ticket, At(2026, 3, 3, 10, 0, 1), "Prefettura");

        sla.Clock.Resume(ticket, At(2026, 3, 5, 10, 0, 1));

        // Saturday 11 April + 2 days = Monday 13 April at 18:00, the deadline's own time; not 40 days to the hour from 9:00.
        ticket.DueAt.Should().Be(At(2026, 4, 13, 18, 0, 2));
    }

    [Fact]
    public void Resume_SuspendedBeforeTheClockStarted_OnlyTheWaitAfterItsStartMoves()
    {
        var sla = new SlaSetup();
        // Friday 19:00: the clock starts on Monday 9 March at 09:00; first level, due Monday 16 March at 18:00.
        var ticket = Planned(sla, At(2026, 3, 6, 19, 0, 1), ServiceLevel.First);
        ticket.DueAt.Should().Be(At(2026, 3, 16, 18, 0, 1));
        sla.Clock.Suspend(ticket, At(2026, 3, 6, 19, 30, 1), "Comune");

        sla.Clock.Resume(ticket, At(2026, 3, 9, 10, 0, 1));

        ticket.DueAt.Should().Be(At(2026, 3, 16, 19, 0, 1), "one hour of the answer's time was spent waiting, not the weekend");
    }

    [Fact]
    public void Resume_CalendarDays_AWaitSplitInTwo_SameDueDateAsInOne()
    {
        var sla = new SlaSetup();
        var once = Planned(sla, At(2026, 3, 13, 10, 0, 1), ServiceLevel.First);
        var twice = Planned(sla, At(2026, 3, 13, 10, 0, 1), ServiceLevel.First);
        once.DueAt.Should().Be(At(2026, 3, 20, 18, 0, 1));
        sla.Clock.Suspend(once, At(2026, 3, 16, 10, 0, 1), "Regione");
        sla.Clock.Resume(once, At(2026, 3, 18, 10, 0, 1));

        sla.Clock.Suspend(twice, At(2026, 3, 16, 10, 0, 1), "Regione");
        sla.Clock.Resume(twice, At(2026, 3, 17, 10, 0, 1));
        sla.Clock.Suspend(twice, At(2026, 3, 17, 10, 0, 1), "ASL");
        sla.Clock.Resume(twice, At(2026, 3, 18, 10, 0, 1));

        // Friday 20 March + 2 days = Sunday 22, so Monday 23; the first wait alone had moved it to Monday already.
        once.DueAt.Should().Be(At(2026, 3, 23, 18, 0, 1));
        twice.DueAt.Should().Be(once.DueAt);
    }

    [Fact]
    public void Resume_CalendarDays_DeadlineOnASaturday_ADaysWaitStillEndsOnMonday()
    {
        var sla = new SlaSetup();
        // Clock from Monday 2 March: 40 days end on Saturday 11 April, moved to Monday 13 April.
        var ticket = Planned(sla, At(2026, 3, 2, 9, 0, 1));
        ticket.DueAt.Should().Be(At(2026, 4, 13, 18, 0, 2));
        sla.Clock.Suspend(ticket, At(2026, 3, 3, 10, 0, 1), "Prefettura");

        var events = sla.Clock.Resume(ticket, At(2026, 3, 4, 10, 0, 1));

        ticket.DueAt.Should().Be(At(2026, 4, 13, 18, 0, 2), "Saturday plus a day is Sunday, and Sunday's answer is due on Monday");
        events.Should().ContainSingle().Which.Kind.Should().Be(TicketEventKind.Resumed);
    }

    [Fact]
    public void Resume_WhenNotSuspended_Throws() =>
        FluentActions.Invoking(() => new SlaSetup().Clock.Resume(Ticket(At(2026, 4, 20, 18, 0, 2)), At(2026, 3, 1, 9, 0, 1)))
            .Should().Throw<InvalidOperationException>().WithMessage("*not suspended*");
}
