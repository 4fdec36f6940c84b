using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A Message-ID's local part is case-sensitive (RFC 5322): IDs that differ only in case name two messages.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_MessageIdsDifferingOnlyInCase_TwoTicketsAndEachCopyFindsItsOwn(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        const string frana = "Segnalo una frana sulla provinciale 17.";

        var first = await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", messageId: "<Caso@mailer.example.it>"), StoreRequests.Mail("k2", messageId: "<caso@mailer.example.it>", body: frana)], default);
        var copies = await s.Reopen().DispatchAsync(
            [StoreRequests.Mail("k3", messageId: "<caso@mailer.example.it>", body: frana), StoreRequests.Mail("k4", messageId: "<Caso@mailer.example.it>")], default);

        first.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Created, "PC-2026-000001"), (DispatchOutcomeKind.Created, "PC-2026-000002"));
        copies.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Duplicate, "PC-2026-000002"), (DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        foreach (var number in new[] { "PC-2026-000001", "PC-2026-000002" })
        {
            (await s.Store.GetAsync(number, default))!.History.Should().NotContain(e => e.Kind == TicketEventKind.MessageIdReused);
        }
    }
}
