using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewItems_NumberedInSequenceForTheYear(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var outcomes = await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3")], default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2026-000002", "PC-2026-000003");
        var ticket = await s.Store.GetAsync("PC-2026-000002", default);
        ticket!.Year.Should().Be(2026);
        ticket.Sequence.Should().Be(2);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewYearInRome_RestartsAtOne(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var beforeMidnightRome = new DateTimeOffset(2026, 12, 31, 22, 59, 0, TimeSpan.Zero); // 23:59 in Rome
        var afterMidnightRome = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero); // 00:30 on 1 January in Rome

        var outcomes = await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", receivedAt: beforeMidnightRome), StoreRequests.Mail("k2", receivedAt: afterMidnightRome), StoreRequests.Mail("k3", receivedAt: beforeMidnightRome)],
            default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2027-000001", "PC-2026-000002");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_AfterReopen_ContinuesEachYearsSequence(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var nextYear = new DateTimeOffset(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3", receivedAt: nextYear)], default);

        var outcomes = await s.Reopen().DispatchAsync([StoreRequests.Mail("k4"), StoreRequests.Mail("k5", receivedAt: nextYear)], default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000003", "PC-2027-000002");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FailingItem_RollsBackTheWholeBatch(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var broken = StoreRequests.Mail("k2");
        broken = new DispatchRequest { Draft = broken.Draft, Classification = null!, ClockStartedAt = broken.ClockStartedAt, DueAt = broken.DueAt };

        var act = () => s.Store.DispatchAsync([StoreRequests.Mail("k1"), broken], default);

        await act.Should().ThrowAsync<NullReferenceException>();
        (await IsKnownAsync(s.Store, "k1")).Should().BeFalse();
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().BeEmpty();
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(0);
        var retried = await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        retried.Single().Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ConcurrentCalls_SerialiseWithUniqueNumbers(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var calls = Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => s.Store.DispatchAsync([StoreRequests.Mail($"k{i}a"), StoreRequests.Mail($"k{i}b")], default)));

        var outcomes = (await Task.WhenAll(calls)).SelectMany(o => o).ToList();

        outcomes.Should().HaveCount(40).And.OnlyContain(o => o.Kind == DispatchOutcomeKind.Created);
        outcomes.Select(o => o.TicketNumber).Should().OnlyHaveUniqueItems();
        outcomes.Select(o => o.TicketNumber).Max().Should().Be("PC-2026-000040");
    }
}
