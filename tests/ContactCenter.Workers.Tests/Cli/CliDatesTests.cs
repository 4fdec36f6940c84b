using ContactCenter.Workers.Cli;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class CliDatesTests
{
    private readonly CliDates rome = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    [Theory]
    [InlineData("2026-03-01", "2026-02-28T23:00:00Z")]
    [InlineData("2026-07-01", "2026-06-30T22:00:00Z")]
    [InlineData("2026-07-01 09:30", "2026-07-01T07:30:00Z")]
    [InlineData("2026-07-01T09:30:00Z", "2026-07-01T09:30:00Z")]
    [InlineData("2026-07-01T09:30:00+05:00", "2026-07-01T04:30:00Z")]
    public void TryParse_DatesWithoutOffset_AreInTheServiceZone(string text, string expectedUtc)
    {
        rome.TryParse(text, out var value).Should().BeTrue();

        value.UtcDateTime.Should().Be(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime);
    }

    [Fact]
    public void TryParse_NotADate_Fails()
    {
        rome.TryParse("domani", out _).Should().BeFalse();
        CliDates.IsValid("domani").Should().BeFalse();
        CliDates.IsValid("2026-12-01").Should().BeTrue();
    }

    [Fact]
    public void Format_ShowsTheServiceZoneWhateverTheHostZone()
    {
        var received = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);

        rome.Format(received).Should().Be("2026-01-15 09:00");
        rome.FormatDate(new DateTimeOffset(2026, 7, 31, 23, 30, 0, TimeSpan.Zero)).Should().Be("2026-08-01");
        rome.Format(null).Should().BeEmpty();
    }
}
