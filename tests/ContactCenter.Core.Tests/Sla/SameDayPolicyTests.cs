using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using static ContactCenter.Core.Tests.Sla.SlaSetup;

namespace ContactCenter.Core.Tests.Sla;

/// <summary>The phone policy of the charter: a call that could not be answered at once is answered the same day.</summary>
public sealed class SameDayPolicyTests
{
    private static readonly SlaSetup Setup = new(o =>
        o.Policies.Add(new SlaPolicy { Level = ServiceLevel.First, Channel = ChannelKind.Phone, Days = 0, DayKind = DayKind.WorkingDays }));

    private static SlaPlan Plan(DateTimeOffset received, ChannelKind channel = ChannelKind.Phone, ServiceMode mode = ServiceMode.Ordinary) =>
        Setup.Planner.Plan(ServiceLevel.First, channel, received, mode);

    [Fact]
    public void CallDuringServiceHours_IsDueAtClosingTheSameDay() =>
        Plan(At(2026, 12, 2, 10, 15, 1)).DueAt.Should().Be(At(2026, 12, 2, 18, 0, 1));

    [Fact]
    public void CallAfterClosingOnFriday_IsDueAtClosingOnMonday()
    {
        var plan = Plan(At(2026, 12, 4, 18, 30, 1));

        plan.ClockStartedAt.Should().Be(At(2026, 12, 7, 9, 0, 1));
        plan.DueAt.Should().Be(At(2026, 12, 7, 18, 0, 1));
    }

    [Fact]
    public void CallOnTheEveOfTheImmacolata_MovesPastTheHoliday() =>
        Plan(At(2026, 12, 7, 19, 0, 1)).DueAt.Should().Be(At(2026, 12, 9, 18, 0, 1));

    [Fact]
    public void OtherChannels_KeepTheCharter() =>
        Plan(At(2026, 12, 2, 10, 15, 1), ChannelKind.Voicemail).DueAt.Should().Be(At(2026, 12, 9, 18, 0, 1));

    [Fact]
    public void EmergencyMode_DueByMidnightOfTheArrivalDay() =>
        Plan(At(2026, 12, 5, 22, 40, 1), mode: ServiceMode.Emergency).DueAt.Should().Be(At(2026, 12, 6, 0, 0, 1));

    [Fact]
    public void Policy_SaysSameDay() =>
        Setup.Options.Policies[0].ToString().Should().Be("First/Phone: same day");
}
