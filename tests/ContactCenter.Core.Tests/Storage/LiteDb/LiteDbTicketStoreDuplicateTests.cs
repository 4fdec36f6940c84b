using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>Same mailbox and Message-ID is a duplicate only with the same sender, Date and content.</summary>
public sealed class LiteDbTicketStoreDuplicateTests : IDisposable
{
    private const string Id = "<riuso@mailer.example.it>";
    private readonly StoreTestContext _ctx = new();

    public static TheoryData<string, string, string> Differences => new()
    {
        { "body", "mario.rossi@example.it", "contenuto" },
        { "sender", "giulia.bianchi@example.it", "mittente" },
        { "date", "mario.rossi@example.it", "data" },
        { "subject", "mario.rossi@example.it", "contenuto" },
    };

    [Fact]
    public async Task Dispatch_LegacyRowWithoutFingerprint_SameMessageIsDuplicate()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: Id, originalSha256: new string('1', 64))], default);
        StripFingerprints();

        var outcomes = await _ctx.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k2", messageId: Id, originalSha256: new string('2', 64), dateHeader: StoreRequests.Received.AddDays(-9)),
            StoreRequests.Mail("k3", messageId: Id, originalSha256: new string('1', 64), body: "Testo letto diversamente da una versione precedente"),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Duplicate && o.TicketNumber == "PC-2026-000001",
            "same sender and text (the old row kept no Date to compare), or the very same archived original");
    }

    [Fact]
    public async Task Dispatch_LegacyRowWithoutFingerprint_DifferentMessageIsNewTicket()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: Id, originalSha256: new string('1', 64))], default);
        StripFingerprints();

        var outcome = (await _ctx.Reopen().DispatchAsync(
            [StoreRequests.Mail("k2", messageId: Id, originalSha256: new string('2', 64), senderEmail: "anna.verdi@example.it", body: "Altra richiesta")], default)).Single();
        var copy = (await _ctx.Store.DispatchAsync(
            [StoreRequests.Mail("k3", messageId: Id, originalSha256: new string('3', 64), senderEmail: "anna.verdi@example.it", body: "Altra richiesta")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002"));
        (await _ctx.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("mittente, contenuto diversi");
        copy.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.Duplicate, "PC-2026-000002"));
    }

    [Fact]
    public async Task Dispatch_LegacyAutomaticMailRow_RepeatIsDuplicate_CitizenMailWithSameIdIsTicket()
    {
        await _ctx.Store.DispatchAsync([StoreRequests.Mail("k1", "Fuori sede", messageId: Id, automatic: AutomaticMailKind.AutoReply)], default);
        StripFingerprints();

        var outcomes = await _ctx.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k2", "Fuori sede", messageId: Id, automatic: AutomaticMailKind.AutoReply, originalSha256: new string('2', 64)),
            StoreRequests.Mail("k3", "Allagamento", messageId: Id, originalSha256: new string('3', 64), body: "Cantina allagata"),
        ], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Duplicate, DispatchOutcomeKind.Created);
        (await _ctx.Store.GetAsync(outcomes[1].TicketNumber!, default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("un messaggio automatico");
    }

    /// <summary>Makes the store look like one written before fingerprints: rows with key, ID and ticket only.</summary>
    private void StripFingerprints()
    {
        _ctx.Store.Dispose();
        using (var db = new LiteDatabase(new ConnectionString { Filename = _ctx.DatabasePath, Collation = new Collation("en-US/Ordinal") }))
        {
            var rows = db.GetCollection("messageids");
            foreach (var row in rows.FindAll().ToList())
            {
                row.Remove(nameof(MessageIdRecord.Fingerprint)).Should().BeTrue();
                row.Remove(nameof(MessageIdRecord.ChannelName));
                row.Remove(nameof(MessageIdRecord.SourceKey));
                rows.Update(row);
            }
        }
    }

    public void Dispose() => _ctx.Dispose();
}
