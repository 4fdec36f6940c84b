using ContactCenter.Workers.Scheduling;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ChannelWakeupsTests
{
    [Fact]
    public void TryRequest_BurstBeforeThePollStarts_OnlyTheFirstTriggers()
    {
        var wakeups = new ChannelWakeups();

        Enumerable.Range(0, 50).Count(_ => wakeups.TryRequest("urp")).Should().Be(1);
        wakeups.TryRequest("pec").Should().BeTrue("each channel has its own");
        wakeups.PollStarting("URP");
        wakeups.TryRequest("urp").Should().BeTrue("news during the poll need one more poll after it");
    }
}
