using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using static ContactCenter.Core.Tests.Sla.SlaSetup;

namespace ContactCenter.Core.Tests.Sla;

public sealed class DueDatePlannerTests
{
    private static SlaPlan Plan(DateTimeOffset received, ServiceLevel level = ServiceLevel.First,
        ServiceMode mode = ServiceMode.Ordinary, Action<SlaOptions>? configure = null, ChannelKind channel = ChannelKind.Email) =>
        new SlaSetup(configure).Planner.Plan(level, channel, received, mode);

    [Fact]
    public void WithinServiceHours_ClockStartsAtArrival_DueAtClosingOfTheSeventhDay()
    {
        var plan = Plan(At(2026, 3, 2, 10, 0, 1));

        plan.ClockStartedAt.Should().Be(At(2026, 3, 2, 10, 0, 1));
        plan.DueAt.Should().Be(At(2026, 3, 9, 18, 0, 1));
    }

    [Fact]
    public void FridayEvening_ClockStartsMondayMorning()
    {
        var plan = Plan(At(2026, 3, 6, 19, 0, 1));

        plan.ClockStartedAt.Should().Be(At(2026, 3, 9, 9, 0, 1));
        plan.DueAt.Should().Be(At(2026, 3, 16, 18, 0, 1));
    }

    [Fact]
    public void EarlyMorning_ClockStartsAtOpeningTheSameDay() =>
        Plan(At(2026, 3, 3, 7, 30, 1)).ClockStartedAt.Should().Be(At(2026, 3, 3, 9, 0, 1));

    [Fact]
    public void SecondLevel_FortyCalendarDaysEndingOnSaturday_MovesToMonday() =>
        Plan(At(2026, 3, 2, 10, 0, 1), ServiceLevel.Second).DueAt.Should().Be(At(2026, 4, 13, 18, 0, 2));

    [Fact]
    public void DueDateOnChristmas_MovesPastSantoStefanoAndTheWeekend() =>
        Plan(At(2026, 12, 18, 10, 0, 1)).DueAt.Should().Be(At(2026, 12, 28, 18, 0, 1));

    [Fact]
    public void ArrivalBeforeEasterMonday2026_ClockStartsTuesday()
    {
        var plan = Plan(At(2026, 4, 3, 18, 30, 2));

        plan.ClockStartedAt.Should().Be(At(2026, 4, 7, 9, 0, 2));
        plan.DueAt.Should().Be(At(2026, 4, 14, 18, 0, 2));
    }

    [Fact]
    public void ArrivalOnEasterMonday2027_ClockStartsTuesday() =>
        Plan(At(2027, 3, 29, 11, 0, 2)).ClockStartedAt.Should().Be(At(2027, 3, 30, 9, 0, 2));

    [Fact]
    public void WorkingDays_SkipWeekendsAndEasterMonday() =>
        Plan(At(2026, 4, 2, 10, 0, 2), configure: o => o.Policies.Add(
                new SlaPolicy { Level = ServiceLevel.First, Days = 3, DayKind = DayKind.WorkingDays }))
            .DueAt.Should().Be(At(2026, 4, 8, 18, 0, 2));

    [Fact]
    public void CalendarAndWorkingDays_DifferForTheSameArrival()
    {
        var received = At(2026, 3, 2, 10, 0, 1);
        var calendar = Plan(received, configure: o => o.Policies.Add(new SlaPolicy { Days = 10 }));
        var working = Plan(received, configure: o => o.Policies.Add(new SlaPolicy { Days = 10, DayKind = DayKind.WorkingDays }));

        calendar.DueAt.Should().Be(At(2026, 3, 12, 18, 0, 1));
        working.DueAt.Should().Be(At(2026, 3, 16, 18, 0, 1));
    }

    [Fact]
    public void SpringDstChange_DueAtEighteenLocalInSummerTime()
    {
        var plan = Plan(At(2026, 3, 27, 10, 0, 1));

        plan.DueAt.Should().Be(At(2026, 4, 3, 18, 0, 2));
        plan.DueAt.UtcDateTime.Should().Be(new DateTime(2026, 4, 3, 16, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void AutumnDstChange_AfterHoursArrival_StartsMondayInWinterTime()
    {
        var plan = Plan(At(2026, 10, 23, 20, 0, 2));

        plan.ClockStartedAt.Should().Be(At(2026, 10, 26, 9, 0, 1));
        plan.DueAt.Should().Be(At(2026, 11, 2, 18, 0, 1));
    }

    [Fact]
    public void Emergency_ClockStartsAtOnce_AndRunsInCalendarTime()
    {
        var plan = Plan(At(2026, 3, 7, 23, 30, 1), mode: ServiceMode.Emergency);

        plan.ClockStartedAt.Should().Be(At(2026, 3, 7, 23, 30, 1));
        plan.DueAt.Should().Be(At(2026, 3, 14, 23, 30, 1));
    }

    [Fact]
    public void Emergency_UsesEmergencyPolicies_AndSkipsTheSpringGap()
    {
        var plan = Plan(At(2026, 3, 28, 2, 30, 1), mode: ServiceMode.Emergency,
            configure: o => o.EmergencyPolicies.Add(new SlaPolicy { Level = ServiceLevel.First, Days = 1 }));

        plan.DueAt.Should().Be(At(2026, 3, 29, 3, 30, 2));
    }

    [Fact]
    public void OrdinaryMode_IgnoresEmergencyPolicies() =>
        Plan(At(2026, 3, 2, 10, 0, 1), configure: o => o.EmergencyPolicies.Add(new SlaPolicy { Days = 1 }))
            .DueAt.Should().Be(At(2026, 3, 9, 18, 0, 1));

    [Fact]
    public void Policies_ChannelSpecificFirst_ThenLevel_ThenCharter()
    {
        var sla = new SlaSetup(o =>
        {
            o.Policies.Add(new SlaPolicy { Level = ServiceLevel.First, Days = 5 });
            o.Policies.Add(new SlaPolicy { Level = ServiceLevel.First, Channel = ChannelKind.Postal, Days = 10 });
        });

        sla.Planner.PolicyFor(ServiceLevel.First, ChannelKind.Postal, ServiceMode.Ordinary).Days.Should().Be(10);
        sla.Planner.PolicyFor(ServiceLevel.First, ChannelKind.Email, ServiceMode.Ordinary).Days.Should().Be(5);
        sla.Planner.PolicyFor(ServiceLevel.Second, ChannelKind.Email, ServiceMode.Emergency).Days.Should().Be(40);
    }

    [Fact]
    public void PatronSaint_ClosesTheOffice() =>
        Plan(At(2026, 6, 23, 19, 0, 2), configure: o => o.AdditionalHolidays.Add("06-24 San Giovanni"))
            .ClockStartedAt.Should().Be(At(2026, 6, 25, 9, 0, 2));
}
