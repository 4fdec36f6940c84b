using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ListTicketFacts_InPeriod_SameFactsAsWholeTickets(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var second = StoreRequests.Mail("k2", receivedAt: T0.AddHours(1).AddTicks(7).ToOffset(TimeSpan.FromHours(1)), channel: "pec");
        second.Classification.Level = ServiceLevel.Second;
        second.Classification.Category = "danni e contributi";
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", receivedAt: T0.AddHours(3)),
            second,
            StoreRequests.Mail("k3", receivedAt: T0.AddHours(2)),
            StoreRequests.Mail("k4", receivedAt: T0.AddHours(4)),
            StoreRequests.Mail("k5", receivedAt: T0.AddDays(3)),
        ], default);
        await Change(s.Store, "PC-2026-000001", t =>
        {
            (t.Status, t.ClosedAt, t.ReopenedAt) = (TicketStatus.Closed, T0.AddDays(1).AddTicks(1), T0.AddHours(5));
            t.Suspensions.Add(new SlaSuspension { From = T0.AddHours(4), Until = T0.AddHours(6), WaitingFor = "Prefettura" });
        });
        await Change(s.Store, "PC-2026-000002", t => t.Suspensions.Add(new SlaSuspension { From = T0.AddDays(1), WaitingFor = "Regione" }));
        await Change(s.Store, "PC-2026-000003", t =>
        {
            t.Suspensions.Add(new SlaSuspension { From = T0.AddDays(1), Until = T0.AddDays(2), WaitingFor = "Comune" });
            t.ReceiptSentAt = T0.AddHours(2).AddMinutes(5).AddTicks(3);
        });

        var facts = await s.Store.ListTicketFactsAsync(T0.AddHours(1), T0.AddDays(3), default);

        var tickets = await s.Store.QueryAsync(new TicketQuery { ReceivedFrom = T0.AddHours(1), ReceivedTo = T0.AddDays(3) }, default);
        facts.Should().BeEquivalentTo(tickets.Select(TicketFacts.Of)).And.HaveCount(4);
        facts.Should().ContainSingle(f => f.Level == ServiceLevel.Second && f.IsSuspended && f.Category == "danni e contributi"
            && f.ReceivedAt == T0.AddHours(1).AddTicks(7));
        facts.Should().ContainSingle(f => f.Status == TicketStatus.Closed && f.ClosedAt == T0.AddDays(1).AddTicks(1))
            .Which.AnswerTime.Should().Be(TimeSpan.FromHours(18).Add(TimeSpan.FromTicks(1)), "from the reopening, less the hour suspended after it");
        facts.Where(f => f.Status != TicketStatus.Closed).Should().OnlyContain(f => f.AnswerTime == null);
        facts.Should().ContainSingle(f => f.ReceiptSentAt == T0.AddHours(2).AddMinutes(5).AddTicks(3) && !f.IsSuspended);
        (await s.Store.ListTicketFactsAsync(null, null, default)).Should().HaveCount(5);
        (await s.Store.ListTicketFactsAsync(T0.AddDays(3), null, default)).Should().ContainSingle();
    }

    private static Task Change(ITicketStore store, string number, Action<Ticket> change) => store.UpdateAsync(number, t =>
    {
        change(t);
        return new TicketEvent { Kind = TicketEventKind.Note };
    }, default);
}
