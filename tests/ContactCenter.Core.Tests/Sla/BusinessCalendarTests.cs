using static ContactCenter.Core.Tests.Sla.SlaSetup;

namespace ContactCenter.Core.Tests.Sla;

public sealed class BusinessCalendarTests
{
    private readonly SlaSetup _sla = new();

    [Theory]
    [InlineData(2026, 3, 2, 8, 59, false)]
    [InlineData(2026, 3, 2, 9, 0, true)]
    [InlineData(2026, 3, 2, 17, 59, true)]
    [InlineData(2026, 3, 2, 18, 0, false)]
    [InlineData(2026, 3, 7, 10, 0, false)]
    [InlineData(2026, 4, 6, 10, 0, false)]
    public void IsOpen_InRomeLocalTime(int y, int m, int d, int h, int min, bool open)
    {
        var offset = m >= 4 ? 2 : 1;
        _sla.Calendar.IsOpen(At(y, m, d, h, min, offset)).Should().Be(open);
    }

    [Fact]
    public void IsOpen_ConvertsFromOtherOffsets() =>
        _sla.Calendar.IsOpen(new DateTimeOffset(2026, 3, 2, 8, 30, 0, TimeSpan.Zero)).Should().BeTrue();

    [Fact]
    public void NextOpening_AfterFridayEvening_IsMondayMorning() =>
        _sla.Calendar.NextOpening(At(2026, 3, 6, 19, 0, 1)).Should().Be(At(2026, 3, 9, 9, 0, 1));

    [Fact]
    public void NextOpening_OverEasterAndTheSpringChange_IsTuesdayInSummerTime()
    {
        var opening = _sla.Calendar.NextOpening(At(2027, 3, 26, 18, 30, 1));

        opening.Should().Be(At(2027, 3, 30, 9, 0, 2));
        opening.UtcDateTime.Hour.Should().Be(7);
    }

    [Fact]
    public void NextOpening_OverTheAutumnChange_IsMondayInWinterTime() =>
        _sla.Calendar.NextOpening(At(2026, 10, 23, 20, 0, 2)).UtcDateTime
            .Should().Be(new DateTime(2026, 10, 26, 8, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void OpenTimeBetween_CountsOnlyServiceHours() =>
        _sla.Calendar.OpenTimeBetween(At(2026, 3, 6, 16, 0, 1), At(2026, 3, 9, 11, 0, 1))
            .Should().Be(TimeSpan.FromHours(4));

    [Fact]
    public void AddOpenTime_FromClosingTime_ContinuesAtTheNextOpening() =>
        _sla.Calendar.AddOpenTime(At(2026, 4, 3, 18, 0, 2), TimeSpan.FromHours(10))
            .Should().Be(At(2026, 4, 8, 10, 0, 2));

    [Fact]
    public void AddWorkingDays_SkipsWeekendsAndEasterMonday() =>
        _sla.Calendar.AddWorkingDays(new DateOnly(2026, 4, 2), 3).Should().Be(new DateOnly(2026, 4, 8));
}
