using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreDispatchTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Dispatch_FollowUpOnClosedTicket_NewDueDateInHistoryIsInUtc()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        await _ctx.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1", Detail = "Risposto" };
        }, default);

        // The planner hands due dates in Rome's offset: 17 March 10:00 +01:00 is 09:00 UTC.
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k2", "RE: [PC-2026-000001]", receivedAt: new DateTimeOffset(2026, 3, 15, 10, 0, 0, TimeSpan.FromHours(1)))], default);

        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.History.Single(e => e.Kind == TicketEventKind.DueDateChanged).Detail.Should().Be("Nuova scadenza 2026-03-17 09:00 UTC");
    }

    [Fact]
    public async Task Dispatch_BatchAcrossNewYear_NumbersEachYearInOrderAndTheNextBatchGoesOn()
    {
        var december = new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.FromHours(1));
        var january = new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.FromHours(1));

        var first = await _ctx.Store.DispatchAsync(
        [
            StoreRequests.Mail("d1", receivedAt: december), StoreRequests.Mail("j1", receivedAt: january),
            StoreRequests.Mail("d2", receivedAt: december), StoreRequests.Mail("j2", receivedAt: january),
        ], default);
        _ctx.Reopen();
        var second = await _ctx.Store.DispatchAsync([StoreRequests.Mail("d3", receivedAt: december), StoreRequests.Mail("j3", receivedAt: january)], default);

        first.Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2027-000001", "PC-2026-000002", "PC-2027-000002");
        second.Select(o => o.TicketNumber).Should().Equal(["PC-2026-000003", "PC-2027-000003"], "each year's counter was stored with its batch");
    }

    [Fact]
    public async Task Dispatch_CounterRowLost_NextBatchSkipsNumbersThatExist()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        _ctx.Store.Dispose();
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = _ctx.DatabasePath, Collation = new LiteDB.Collation("en-US/Ordinal") }))
        {
            db.GetCollection("counters").DeleteAll().Should().Be(1);
        }

        _ctx.Reopen();
        var outcomes = await _ctx.Store.DispatchAsync([StoreRequests.Mail("k3"), StoreRequests.Mail("k4")], default);

        outcomes.Select(o => o.TicketNumber).Should().Equal("PC-2026-000003", "PC-2026-000004");
    }

    public void Dispose() => _ctx.Dispose();
}
