using ContactCenter.Core.Sla;

namespace ContactCenter.Core.Tests.Sla;

public sealed class ItalianHolidaysTests
{
    [Theory]
    [InlineData(2008, 3, 23)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_FollowsTheGregorianComputus(int year, int month, int day) =>
        ItalianHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-01-06")]
    [InlineData("2026-04-05")]
    [InlineData("2026-04-06")]
    [InlineData("2027-03-29")]
    [InlineData("2026-04-25")]
    [InlineData("2026-05-01")]
    [InlineData("2026-06-02")]
    [InlineData("2026-08-15")]
    [InlineData("2027-10-04")]
    [InlineData("2026-11-01")]
    [InlineData("2026-12-08")]
    [InlineData("2026-12-25")]
    [InlineData("2026-12-26")]
    public void NationalHolidays_AreHolidays(string date) =>
        new ItalianHolidays().IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeTrue();

    [Theory]
    [InlineData("2026-04-07")]
    [InlineData("2025-10-04")]
    [InlineData("2026-06-24")]
    [InlineData("2026-03-02")]
    public void OrdinaryDays_AreNot(string date) =>
        new ItalianHolidays().IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .Should().BeFalse();

    [Fact]
    public void AdditionalHolidays_RecurOrHappenOnce()
    {
        var holidays = new ItalianHolidays(["06-24 San Giovanni Battista", "2026-09-18"]);

        holidays.IsHoliday(new DateOnly(2026, 6, 24)).Should().BeTrue();
        holidays.IsHoliday(new DateOnly(2031, 6, 24)).Should().BeTrue();
        holidays.IsHoliday(new DateOnly(2026, 9, 18)).Should().BeTrue();
        holidays.IsHoliday(new DateOnly(2027, 9, 18)).Should().BeFalse();
        holidays.In(2026).Should().Contain(new Holiday(new DateOnly(2026, 6, 24), "San Giovanni Battista"));
    }

    [Fact]
    public void In_ListsTheYearInOrderWithNames()
    {
        var year = new ItalianHolidays().In(2026);

        year.Should().HaveCount(13).And.BeInAscendingOrder(h => h.Date);
        year.Should().Contain(new Holiday(new DateOnly(2026, 4, 6), "Lunedì dell'Angelo"));
    }

    [Fact]
    public void MalformedAdditionalHoliday_Throws() =>
        FluentActions.Invoking(() => new ItalianHolidays(["24/06"])).Should().Throw<FormatException>().WithMessage("*24/06*");
}
