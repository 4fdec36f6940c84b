using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreQueryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = Requests.Received;

    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Query_ByStatusChannelAndReceivedRange_FiltersAndOrders()
    {
        await _ctx.Store.DispatchAsync(
        [
            Requests.Mail("k1", receivedAt: T0.AddHours(3)),
            Requests.Mail("k2", receivedAt: T0.AddHours(1), channel: "pec"),
            Requests.Mail("k3", receivedAt: T0.AddHours(2).ToOffset(TimeSpan.FromHours(2))),
            Requests.Mail("k4", receivedAt: T0.AddDays(3)),
        ], default);
        await Close("PC-2026-000003");

        (await Numbers(new TicketQuery())).Should().Equal("PC-2026-000002", "PC-2026-000003", "PC-2026-000001", "PC-2026-000004");
        (await Numbers(new TicketQuery { ChannelName = "posta" })).Should().Equal("PC-2026-000003", "PC-2026-000001", "PC-2026-000004");
        (await Numbers(new TicketQuery { Status = TicketStatus.Open, ReceivedFrom = T0.AddHours(1), ReceivedTo = T0.AddDays(3) }))
            .Should().Equal("PC-2026-000002", "PC-2026-000001");
        (await Numbers(new TicketQuery { DueBefore = T0.AddDays(2).AddHours(2) })).Should().Equal("PC-2026-000002");
    }

    [Fact]
    public async Task Query_Overdue_OnlyOpenUnsuspendedPastDue()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2"), Requests.Mail("k3"), Requests.Mail("k4", receivedAt: T0.AddDays(10))], default);
        await Close("PC-2026-000002");
        await _ctx.Store.UpdateAsync("PC-2026-000003", t =>
        {
            t.Suspensions.Add(new SlaSuspension { From = T0.AddDays(1), WaitingFor = "Regione" });
            return new TicketEvent { Kind = TicketEventKind.Suspended };
        }, default);

        (await Numbers(new TicketQuery { OverdueAt = T0.AddDays(5) })).Should().Equal("PC-2026-000001");
    }

    [Fact]
    public async Task Query_Limit_BreaksTiesOnReceivedAtByNumber()
    {
        await _ctx.Store.DispatchAsync(
            [Requests.Mail("k1", receivedAt: T0.AddHours(1)), Requests.Mail("k2"), Requests.Mail("k3"), Requests.Mail("k4")], default);

        (await Numbers(new TicketQuery { Limit = 2 })).Should().Equal("PC-2026-000002", "PC-2026-000003");
        (await Numbers(new TicketQuery { Limit = 3 })).Should().Equal("PC-2026-000002", "PC-2026-000003", "PC-2026-000004");
    }

    private async Task<IEnumerable<string>> Numbers(TicketQuery query) =>
        (await _ctx.Store.QueryAsync(query, default)).Select(t => t.Number);

    private Task Close(string number) => _ctx.Store.UpdateAsync(number, t =>
    {
        t.Status = TicketStatus.Closed;
        return new TicketEvent { Kind = TicketEventKind.Closed };
    }, default);

    public void Dispose() => _ctx.Dispose();
}
