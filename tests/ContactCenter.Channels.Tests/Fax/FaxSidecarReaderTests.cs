using ContactCenter.Channels.Fax;

namespace ContactCenter.Channels.Tests.Fax;

public sealed class FaxSidecarReaderTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [Theory]
    [InlineData("2026-03-10T23:30:00", 1)]
    [InlineData("2026-07-10T23:30:00", 2)]
    public void ReadJson_ReceivedAtWithoutOffset_IsTheGatewaysLocalTime(string receivedAt, int romeOffsetHours)
    {
        var info = FaxSidecarReader.ReadJson($$"""{"tsi":"X","receivedAt":"{{receivedAt}}"}""", Rome);

        info.ReceivedAt.Should().Be(new DateTimeOffset(DateTime.Parse(receivedAt), TimeSpan.FromHours(romeOffsetHours)));
        info.ReceivedAt!.Value.Offset.Should().Be(TimeSpan.FromHours(romeOffsetHours));
    }

    [Theory]
    [InlineData("2026-07-10T23:30:00+05:00", 5)]
    [InlineData("2026-01-10T23:30:00Z", 0)]
    public void ReadJson_ReceivedAtWithOffset_Kept(string receivedAt, int offsetHours)
    {
        var info = FaxSidecarReader.ReadJson($$"""{"receivedAt":"{{receivedAt}}"}""", Rome);

        info.ReceivedAt.Should().Be(DateTimeOffset.Parse(receivedAt));
        info.ReceivedAt!.Value.Offset.Should().Be(TimeSpan.FromHours(offsetHours));
    }

    [Fact]
    public void ReadJson_ReceivedAtNotATime_Unknown() =>
        FaxSidecarReader.ReadJson("""{"receivedAt":"ieri sera"}""", Rome).ReceivedAt.Should().BeNull();
}
