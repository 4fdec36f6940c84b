using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Tests.Receipts;

public sealed class ReceiptPolicyDailyLimitTests
{
    [Theory]
    [InlineData("2026-12-01T22:40:00Z", "2026-12-01T23:05:00Z")] // winter: Rome midnight is 23:00 UTC
    [InlineData("2026-07-01T21:40:00Z", "2026-07-01T22:05:00Z")] // summer: Rome midnight is 22:00 UTC
    public async Task Store_DailyLimit_ResetsAtMidnightInRomeNotUtc(string evening, string afterRomeMidnight)
    {
        using var harness = new ReceiptPolicyHarness(DateTimeOffset.Parse(evening));

        for (var i = 0; i < 10; i++)
        {
            (await harness.StoreAsync(harness.Draft())).Queued.Should().BeTrue($"receipt {i + 1} of 10 is allowed");
            harness.Time.Advance(TimeSpan.FromMinutes(1));
        }

        var eleventh = await harness.StoreAsync(harness.Draft("MARIO.ROSSI@example.org"));
        eleventh.Queued.Should().BeFalse();
        eleventh.Detail.Should().Be("limite giornaliero di 10 ricevute per questo mittente raggiunto");

        harness.Time.SetUtcNow(DateTimeOffset.Parse(afterRomeMidnight));
        harness.Time.GetUtcNow().UtcDateTime.Date.Should().Be(DateTimeOffset.Parse(evening).UtcDateTime.Date, "still the same UTC day");
        (await harness.StoreAsync(harness.Draft())).Queued.Should().BeTrue("a new day has started in Rome");
        (await harness.StoreAsync(harness.Draft("altra.persona@example.org"))).Queued.Should().BeTrue();
    }

    [Fact]
    public async Task Store_OneBatchFromOneSender_LimitedInsideTheBatch()
    {
        using var harness = new ReceiptPolicyHarness(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), o => o.MaxPerSenderPerDay = 3);

        var drafts = Enumerable.Range(0, 5).Select(_ => harness.Draft("loop@example.org")).ToArray();
        var results = await harness.DecideAndStoreAsync(harness.Policy, drafts);

        results.Select(r => r.Queued).Should().Equal([true, true, true, false, false], "a mail loop in one batch must not beat the limit");
        (await harness.Store.CountReceiptsToAsync("loop@example.org", DateTimeOffset.MinValue, CancellationToken.None)).Should().Be(3);
    }

    [Fact]
    public async Task Store_FollowUps_DoNotUseUpTheLimit()
    {
        using var harness = new ReceiptPolicyHarness(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), o => o.MaxPerSenderPerDay = 3);
        (await harness.StoreAsync(harness.Draft())).Queued.Should().BeTrue();
        var number = (await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Single().Number;

        // Ten follow-ups quoting the number, in one batch and one by one: the policy cannot know they are follow-ups.
        var followUps = Enumerable.Range(0, 5).Select(_ => FollowUp(harness, number)).ToArray();
        (await harness.DecideAndStoreAsync(harness.Policy, followUps)).Should().AllSatisfy(r => r.Detail.Should().BeNull("a follow-up opens no ticket"));
        for (var i = 0; i < 5; i++)
        {
            await harness.StoreAsync(FollowUp(harness, number));
        }

        (await harness.StoreAsync(harness.Draft())).Queued.Should().BeTrue("only one receipt was queued today, the limit is 3");
        (await harness.StoreAsync(harness.Draft())).Queued.Should().BeTrue();
        (await harness.StoreAsync(harness.Draft())).Queued.Should().BeFalse();
    }

    [Fact]
    public async Task Store_OneShotRunsAndTheService_CountTheSame()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        using var service = new ReceiptPolicyHarness(now, o => o.MaxPerSenderPerDay = 2);
        using var oneShot = new ReceiptPolicyHarness(now, o => o.MaxPerSenderPerDay = 2);

        var first = new List<bool>();
        var second = new List<bool>();
        (await service.StoreAsync(service.Draft())).Queued.Should().BeTrue();
        (await oneShot.DecideAndStoreAsync(oneShot.NewPolicy(), oneShot.Draft())).Single().Queued.Should().BeTrue();
        var serviceNumber = (await service.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Single().Number;
        var oneShotNumber = (await oneShot.Store.QueryAsync(new TicketQuery(), CancellationToken.None)).Single().Number;
        for (var i = 0; i < 4; i++)
        {
            // The service keeps one policy for its lifetime; every "ingest --once" starts a new process with a new one.
            first.Add((await service.StoreAsync(i % 2 == 0 ? FollowUp(service, serviceNumber) : service.Draft())).Queued);
            second.Add((await oneShot.DecideAndStoreAsync(oneShot.NewPolicy(), i % 2 == 0 ? FollowUp(oneShot, oneShotNumber) : oneShot.Draft())).Single().Queued);
        }

        first.Should().Equal(second);
        first.Should().Equal([false, true, false, false], "follow-ups queue nothing; the second new request is the second receipt, the third is over the limit");
    }

    [Fact]
    public async Task Store_ReceiptsQueuedByAnEarlierProcess_CountTowardsLimit()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        using var harness = new ReceiptPolicyHarness(now, o => o.MaxPerSenderPerDay = 2);
        await harness.StoreAsync(harness.Draft());
        await harness.StoreAsync(harness.Draft());

        var restarted = await harness.DecideAndStoreAsync(harness.NewPolicy(), harness.Draft());

        restarted.Single().Detail.Should().Contain("limite giornaliero");
    }

    private static Core.Intake.TicketDraft FollowUp(ReceiptPolicyHarness harness, string number)
    {
        var draft = harness.Draft();
        draft.Subject = $"Re: [{number}] Richiesta";
        return draft;
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
