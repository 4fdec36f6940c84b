using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreNumberingTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Dispatch_NewItems_NumberedInSequenceForTheYear()
    {
        var outcomes = await _ctx.Store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2"), Requests.Mail("k3")], default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2026-000002", "PC-2026-000003");
        var ticket = await _ctx.Store.GetAsync("PC-2026-000002", default);
        ticket!.Year.Should().Be(2026);
        ticket.Sequence.Should().Be(2);
    }

    [Fact]
    public async Task Dispatch_NewYearInRome_RestartsAtOne()
    {
        var beforeMidnightRome = new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero); // 23:59 in Rome
        var afterMidnightRome = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero); // 00:30 on 1 January in Rome

        var outcomes = await _ctx.Store.DispatchAsync(
            [Requests.Mail("k1", receivedAt: beforeMidnightRome), Requests.Mail("k2", receivedAt: afterMidnightRome), Requests.Mail("k3", receivedAt: beforeMidnightRome)],
            default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2027-000001", "PC-2026-000002");
    }

    [Fact]
    public async Task Dispatch_AfterReopen_ContinuesEachYearsSequence()
    {
        var nextYear = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
        await _ctx.Store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2"), Requests.Mail("k3", receivedAt: nextYear)], default);

        var store = _ctx.Reopen();
        var outcomes = await store.DispatchAsync([Requests.Mail("k4"), Requests.Mail("k5", receivedAt: nextYear)], default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000003", "PC-2027-000002");
    }

    [Fact]
    public async Task Dispatch_FailingItem_RollsBackTheWholeBatch()
    {
        var broken = Requests.Mail("k2");
        broken = new DispatchRequest { Draft = broken.Draft, Classification = null!, ClockStartedAt = broken.ClockStartedAt, DueAt = broken.DueAt };

        var act = () => _ctx.Store.DispatchAsync([Requests.Mail("k1"), broken], default);

        await act.Should().ThrowAsync<NullReferenceException>();
        (await _ctx.Store.IsKnownSourceAsync("k1", default)).Should().BeFalse();
        (await _ctx.Store.QueryAsync(new TicketQuery(), default)).Should().BeEmpty();
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(0);
        var retried = await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default);
        retried.Single().Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
    }

    [Fact]
    public async Task Dispatch_ConcurrentCalls_SerialiseWithUniqueNumbers()
    {
        var calls = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => _ctx.Store.DispatchAsync([Requests.Mail($"k{i}a"), Requests.Mail($"k{i}b")], default)));

        var outcomes = (await Task.WhenAll(calls)).SelectMany(o => o).ToList();

        outcomes.Should().HaveCount(40).And.OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        outcomes.Select(o => o.TicketNumber).Should().OnlyHaveUniqueItems();
        outcomes.Select(o => o.TicketNumber).Max().Should().Be("PC-2026-000040");
    }

    public void Dispose() => _ctx.Dispose();
}
