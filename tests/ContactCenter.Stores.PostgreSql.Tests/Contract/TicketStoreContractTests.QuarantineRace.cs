using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    // Discard read the record Pending before a concurrent retry dispatched it; its write lands afterwards.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateQuarantine_DiscardAfterRetry_KeepsRetriedAndTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var rec = await s.Store.QuarantineAsync(Record("k1", "Normalizzatore fallito"), default);
        var discardsView = (await s.Store.GetQuarantineAsync(rec.Id, default))!;
        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();
        discardsView.Status = QuarantineStatus.Discarded;

        var discarded = await s.Store.UpdateQuarantineAsync(discardsView, QuarantineStatus.Pending, default);

        discarded.Should().BeFalse();
        var after = (await s.Store.GetQuarantineAsync(rec.Id, default))!;
        (outcome.Kind, after.Status, after.ResultTicketNumber).Should().Be((DispatchOutcomeKind.Created, QuarantineStatus.Retried, outcome.TicketNumber));
    }

    // Discard finished while a retry was in the pipeline: the retry's dispatch makes no ticket.
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_DiscardedQuarantineKey_MakesNoTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var rec = await s.Store.QuarantineAsync(Record("k1", "Normalizzatore fallito"), default);
        rec.Status = QuarantineStatus.Discarded;
        (await s.Store.UpdateQuarantineAsync(rec, QuarantineStatus.Pending, default)).Should().BeTrue();

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default)).Single();

        var after = (await s.Store.GetQuarantineAsync(rec.Id, default))!;
        (outcome.Kind, outcome.TicketNumber, after.Status, after.ResultTicketNumber)
            .Should().Be((DispatchOutcomeKind.Duplicate, (string?)null, QuarantineStatus.Discarded, (string?)null));
    }
}
