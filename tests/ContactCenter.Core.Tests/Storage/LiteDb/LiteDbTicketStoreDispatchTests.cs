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

    public void Dispose() => _ctx.Dispose();
}
