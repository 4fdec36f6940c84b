using ContactCenter.Core.Pipeline;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Scheduling;

public sealed class ChannelStatusRegistryTests
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.Parse("2026-03-02T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly ChannelStatusRegistry registry;

    public ChannelStatusRegistryTests() => registry = new ChannelStatusRegistry(time, Options.Create(new PipelineOptions
    {
        FailureBackoff = TimeSpan.FromSeconds(30),
        MaxFailureBackoff = TimeSpan.FromMinutes(5),
    }));

    [Fact]
    public void ConsecutiveFailures_BackOffExponentially_UpToTheCap()
    {
        var delays = Enumerable.Range(0, 6).Select(_ => registry.RecordFailure("urp", "SocketException: refused", null)).ToList();

        delays.Should().Equal(
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(240),
            TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        registry.Get("urp").ConsecutiveFailures.Should().Be(6);
        registry.Get("urp").LastError.Should().Be("SocketException: refused");
    }

    [Fact]
    public void Adopt_AnotherNodesRunOfFailures_CountsHere_AndASuccessElsewhereEndsIt()
    {
        var since = time.GetUtcNow().AddMinutes(-20);
        registry.Adopt("urp", new ChannelFailureState(3, time.GetUtcNow().AddMinutes(2), since));

        registry.IsBackingOff("urp", out _).Should().BeTrue("another node's backoff holds here too");
        registry.Get("urp").FailingSince.Should().Be(since, "/health judges by the cluster's first failure");
        registry.RecordFailure("urp", "down", null).Should().Be(TimeSpan.FromSeconds(240), "the fourth failure in a row, wherever the first three were");

        registry.Adopt("urp", new ChannelFailureState(0, null, null));
        registry.IsBackingOff("urp", out _).Should().BeFalse();
        registry.Get("urp").FailingSince.Should().BeNull();
    }

    [Fact]
    public void BackoffWindow_SkipsPollsUntilItEnds_AndOtherChannelsAreUnaffected()
    {
        registry.RecordFailure("urp", "down", null);

        registry.IsBackingOff("urp", out _).Should().BeTrue();
        registry.IsBackingOff("pec", out _).Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(31));
        registry.IsBackingOff("urp", out _).Should().BeFalse();
    }

    [Fact]
    public void Success_ResetsFailures_AndCountsItemsOfTheDay()
    {
        registry.RecordFailure("urp", "down", null);
        registry.RecordSuccess("urp", new PollSummary { Channel = "urp", Fetched = 4, Settled = 4, Created = 4 });
        registry.RecordSuccess("urp", new PollSummary { Channel = "urp", Fetched = 3, Settled = 3, Created = 3 });

        var status = registry.Get("urp");
        status.ConsecutiveFailures.Should().Be(0);
        status.BackoffUntil.Should().BeNull();
        status.LastSuccessAt.Should().Be(time.GetUtcNow());
        status.ItemsToday.Should().Be(7);

        time.Advance(TimeSpan.FromDays(1));
        registry.RecordSuccess("urp", new PollSummary { Channel = "urp", Fetched = 1, Settled = 1 });
        registry.Get("urp").ItemsToday.Should().Be(1);
    }

    /// <summary>A batch whose store failed is fetched again by the next poll: its items count once, when they are settled.</summary>
    [Fact]
    public void ItemsToday_FailedPollsBatchFetchedAgain_CountedOnce()
    {
        registry.RecordFailure("urp", "disk full", new PollSummary { Channel = "urp", Fetched = 30, Settled = 20, Created = 20, Failed = "disk full" });
        registry.RecordFailure("urp", "disk full", new PollSummary { Channel = "urp", Fetched = 10, Settled = 0, Failed = "disk full" });
        registry.RecordSuccess("urp", new PollSummary { Channel = "urp", Fetched = 15, Settled = 15, Created = 15 });

        registry.Get("urp").ItemsToday.Should().Be(35, "20 settled before the failure, then the 10 fetched twice and 5 more");
    }

    [Fact]
    public void ItemsToday_CountedOnTheServiceDay_NotTheHosts()
    {
        // 23:30 UTC on 2 March is already 3 March in Rome: a UTC host would still count it as the 2nd.
        var late = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T23:30:00Z", System.Globalization.CultureInfo.InvariantCulture));
        late.SetLocalTimeZone(TimeZoneInfo.Utc);
        var rome = new ContactCenter.Core.Sla.BusinessCalendar(new ContactCenter.Core.Sla.SlaOptions());
        var service = new ChannelStatusRegistry(late, Options.Create(new PipelineOptions()), rome);
        service.RecordSuccess("urp", new PollSummary { Channel = "urp", Fetched = 4, Settled = 4 });

        service.Get("urp").ItemsDay.Should().Be(new DateOnly(2026, 3, 3));
        late.Advance(TimeSpan.FromHours(1)); // the 3rd on both clocks now: the count of the Roman 3rd goes on

        service.ItemsToday(service.Get("urp")).Should().Be(4);
    }
}
