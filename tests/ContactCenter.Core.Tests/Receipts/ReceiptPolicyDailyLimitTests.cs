namespace ContactCenter.Core.Tests.Receipts;

public sealed class ReceiptPolicyDailyLimitTests
{
    [Theory]
    [InlineData("2026-12-01T22:40:00Z", "2026-12-01T23:05:00Z")] // winter: Rome midnight is 23:00 UTC
    [InlineData("2026-07-01T21:40:00Z", "2026-07-01T22:05:00Z")] // summer: Rome midnight is 22:00 UTC
    public async Task Decide_DailyLimit_ResetsAtMidnightInRomeNotUtc(string evening, string afterRomeMidnight)
    {
        using var harness = new ReceiptPolicyHarness(DateTimeOffset.Parse(evening));

        for (var i = 0; i < 10; i++)
        {
            (await harness.DecideAndStoreAsync(harness.Draft())).To.Should().NotBeNull($"receipt {i + 1} of 10 is allowed");
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var eleventh = await harness.DecideAndStoreAsync(harness.Draft("MARIO.ROSSI@example.org"));
        eleventh.SuppressedReason.Should().Contain("limite giornaliero di 10");

        harness.Time.SetUtcNow(DateTimeOffset.Parse(afterRomeMidnight));
        harness.Time.GetUtcNow().UtcDateTime.Date.Should().Be(DateTimeOffset.Parse(evening).UtcDateTime.Date, "still the same UTC day");
        (await harness.DecideAndStoreAsync(harness.Draft())).To.Should().NotBeNull("a new day has started in Rome");
        (await harness.DecideAndStoreAsync(harness.Draft("altra.persona@example.org"))).To.Should().NotBeNull();
    }

    [Fact]
    public async Task Decide_OneBatchFromOneSender_LimitedBeforeAnythingIsStored()
    {
        using var harness = new ReceiptPolicyHarness(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), o => o.MaxPerSenderPerDay = 3);

        var decisions = new List<string?>();
        for (var i = 0; i < 5; i++)
        {
            decisions.Add((await harness.DecideAsync(harness.Draft("loop@example.org"))).To);
        }

        decisions.Count(d => d is not null).Should().Be(3, "a mail loop in one batch must not beat the limit");
    }

    [Fact]
    public async Task Decide_ReceiptsStoredByEarlierProcess_CountTowardsLimit()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        using var first = new ReceiptPolicyHarness(now, o => o.MaxPerSenderPerDay = 2);
        await first.DecideAndStoreAsync(first.Draft());
        await first.DecideAndStoreAsync(first.Draft());

        // A restarted service has an empty tally but the same store.
        var restarted = new ContactCenter.Core.Receipts.ReceiptPolicy(
            Microsoft.Extensions.Options.Options.Create(first.Options), first.Store, first.Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ContactCenter.Core.Receipts.ReceiptPolicy>.Instance);

        (await restarted.DecideAsync(first.Draft(), CancellationToken.None)).SuppressedReason.Should().Contain("limite giornaliero");
    }

    [Theory]
    [InlineData("2026-03-29T12:00:00Z", "2026-03-28T23:00:00Z")] // spring forward: the day started at +01:00
    [InlineData("2026-10-25T12:00:00Z", "2026-10-24T22:00:00Z")] // fall back: the day started at +02:00
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25T23:00:00Z")] // after midnight of the 26th, +01:00
    public void StartOfDay_DstChangeDays_IsRomeMidnight(string now, string expected)
    {
        using var harness = new ReceiptPolicyHarness(DateTimeOffset.Parse(now));

        harness.Policy.StartOfDay(DateTimeOffset.Parse(now)).Should().Be(DateTimeOffset.Parse(expected));
    }
}
