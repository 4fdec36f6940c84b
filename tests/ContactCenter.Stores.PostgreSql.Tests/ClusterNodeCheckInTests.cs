namespace ContactCenter.Stores.PostgreSql.Tests;

public sealed class ClusterNodeCheckInTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(15, false)]
    [InlineData(20, false)]
    [InlineData(21, true)]
    public void Silent_AfterTwoCheckInIntervals(int secondsAgo, bool silent) =>
        new ClusterNodeCheckIn("roma", DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(secondsAgo)).Silent.Should().Be(silent);
}
