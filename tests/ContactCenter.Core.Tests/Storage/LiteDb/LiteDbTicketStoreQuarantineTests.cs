using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class LiteDbTicketStoreQuarantineTests : IDisposable
{
    private readonly StoreTestContext _ctx = new();

    [Fact]
    public async Task Quarantine_SameSourceKeyTwice_OneRecordAndKnownSource()
    {
        var first = await _ctx.Store.QuarantineAsync(Record("imap:a/INBOX/7/9", "Messaggio illeggibile"), default);
        var second = await _ctx.Reopen().QuarantineAsync(Record("imap:a/INBOX/7/9", "altro motivo"), default);

        second.Id.Should().Be(first.Id);
        second.Reason.Should().Be("Messaggio illeggibile");
        second.At.Should().Be(_ctx.Time.GetUtcNow());
        (await _ctx.Store.IsKnownSourceAsync("imap:a/INBOX/7/9", default)).Should().BeTrue();
        (await _ctx.Store.ListQuarantineAsync(includeResolved: false, default)).Should().ContainSingle();
    }

    [Fact]
    public async Task UpdateQuarantine_Discarded_LeavesThePendingList()
    {
        var record = await _ctx.Store.QuarantineAsync(Record("k1", "Troppo grande"), default);
        await _ctx.Store.QuarantineAsync(Record("k2", "Troppo grande"), default);
        record.Status = QuarantineStatus.Discarded;
        record.ResolutionNote = "spam";
        record.ResolvedAt = _ctx.Time.GetUtcNow();

        await _ctx.Store.UpdateQuarantineAsync(record, default);

        (await _ctx.Store.ListQuarantineAsync(includeResolved: false, default)).Select(r => r.SourceKey).Should().Equal("k2");
        (await _ctx.Store.ListQuarantineAsync(includeResolved: true, default)).Should().HaveCount(2);
        (await _ctx.Store.GetQuarantineAsync(record.Id, default))!.ResolutionNote.Should().Be("spam");
        (await _ctx.Store.GetQuarantineAsync(999, default)).Should().BeNull();
    }

    [Fact]
    public async Task Dispatch_QuarantinedSourceKeyRetried_CreatesTicketAndResolvesRecord()
    {
        var record = await _ctx.Store.QuarantineAsync(Record("k1", "Normalizzatore fallito"), default);

        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default)).Single();
        var replay = (await _ctx.Store.DispatchAsync([Requests.Mail("k1")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k1", DispatchOutcomeKind.Created, "PC-2026-000001"));
        replay.Kind.Should().Be(DispatchOutcomeKind.Duplicate);
        var resolved = (await _ctx.Store.GetQuarantineAsync(record.Id, default))!;
        resolved.Status.Should().Be(QuarantineStatus.Retried);
        resolved.ResultTicketNumber.Should().Be("PC-2026-000001");
    }

    private static QuarantineRecord Record(string sourceKey, string reason) => new()
    {
        SourceKey = sourceKey,
        ChannelName = "posta",
        Channel = ChannelKind.Email,
        Reason = reason,
        Original = new TicketAttachment { FileName = "message.eml", Sha256 = new string('b', 64), Size = 10 },
    };

    public void Dispose() => _ctx.Dispose();
}
