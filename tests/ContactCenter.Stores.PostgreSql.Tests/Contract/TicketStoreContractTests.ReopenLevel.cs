using ContactCenter.Testing.Storage;
using ContactCenter.Core.Sla;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A follow-up that reopens a ticket restarts its clock at the ticket's level, not at its own.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FirstLevelFollowUpReopensASecondLevelTicket_NewClockAtTheSecondLevel(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default); // level 2
        await s.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            t.ClosedAt = s.Time.GetUtcNow();
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "operatore1", Detail = "Risposto" };
        }, default);
        var later = StoreRequests.Received.AddDays(5);
        var thanks = StoreRequests.Mail("k2", "RE: [PC-2026-000001] grazie", receivedAt: later);
        var followUp = new DispatchRequest
        {
            Draft = thanks.Draft,
            Classification = new Classification { Level = ServiceLevel.First, Category = "informazioni", RuleName = "default" },
            ClockStartedAt = later,
            DueAt = later.AddDays(7),
            OtherLevelPlan = new SlaPlan(later, later.AddDays(40)),
        };

        await s.Store.DispatchAsync([followUp], default);

        var ticket = (await s.Reopen().GetAsync("PC-2026-000001", default))!;
        ticket.Status.Should().Be(TicketStatus.Open);
        ticket.Classification.Level.Should().Be(ServiceLevel.Second);
        ticket.DueAt.Should().Be(later.AddDays(40), "the ticket is still a second-level request");
        ticket.ClockStartedAt.Should().Be(later);
        ticket.ReopenedAt.Should().Be(later, "the follow-up is the request the next closing answers");
    }
}
