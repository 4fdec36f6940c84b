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

    [Fact]
    public async Task Dispatch_SameMessageTwice_OneTicketAndHistoryLineOnIt()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id)], default);

        var again = (await _ctx.Reopen().DispatchAsync([Requests.Mail("k2", messageId: Id, body: "Buongiorno,\r\nvorrei sapere se domani le scuole   restano chiuse.\r\n")], default)).Single();

        again.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Duplicate, "PC-2026-000001"), "line breaks and blanks are not content");
        (await _ctx.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().ContainSingle();
        var line = ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived).Subject;
        line.SourceKey.Should().Be("k2");
        line.Detail.Should().Contain("riuso@mailer.example.it").And.Contain("k2");
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1, "a duplicate queues no receipt");
    }

    public static TheoryData<string, string, string> Differences => new()
    {
        { "body", "mario.rossi@example.it", "contenuto" },
        { "sender", "giulia.bianchi@example.it", "mittente" },
        { "date", "mario.rossi@example.it", "data" },
        { "subject", "mario.rossi@example.it", "contenuto" },
    };

    [Theory]
    [MemberData(nameof(Differences))]
    public async Task Dispatch_ReusedMessageIdDifferentContent_SecondTicketWithNotesOnBoth(string what, string sender, string named)
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id)], default);
        var other = Requests.Mail("k2", what == "subject" ? "Tutt'altro argomento" : "Richiesta informazioni allerta meteo", messageId: Id,
            body: what == "body" ? "Segnalo una frana sulla provinciale 17." : "Buongiorno, vorrei sapere se domani le scuole restano chiuse.",
            senderEmail: sender, dateHeader: what == "date" ? Requests.Received.AddDays(-1) : null);

        var outcome = (await _ctx.Store.DispatchAsync([other], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002"));
        var second = (await _ctx.Store.GetAsync("PC-2026-000002", default))!;
        second.MessageId.Should().Be("riuso@mailer.example.it");
        second.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused).Which.Detail
            .Should().Contain("PC-2026-000001").And.Contain(named);
        (await _ctx.Store.GetAsync("PC-2026-000001", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("PC-2026-000002").And.Contain("k2");
        (await _ctx.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2, "the second citizen gets a receipt too");
    }

    [Fact]
    public async Task Dispatch_CopiesOfBothMessagesLater_EachADuplicateOfItsOwnTicket()
    {
        var frana = "Segnalo una frana sulla provinciale 17.";
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id), Requests.Mail("k2", messageId: Id, body: frana)], default);

        var copies = await _ctx.Reopen().DispatchAsync(
            [Requests.Mail("k3", messageId: Id, body: frana), Requests.Mail("k4", messageId: Id), Requests.Mail("k5", messageId: Id, body: "Un terzo testo.")], default);

        copies.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Duplicate, "PC-2026-000002"), (DispatchOutcomeKind.Duplicate, "PC-2026-000001"), (DispatchOutcomeKind.Created, "PC-2026-000003"));
        (await _ctx.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived && e.SourceKey == "k3");
    }

    [Fact]
    public async Task Dispatch_ReusedIdInOtherMailbox_IsNotCompared()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id)], default);

        var outcome = (await _ctx.Store.DispatchAsync([Requests.Mail("k2", messageId: Id, channel: "pec")], default)).Single();

        outcome.Kind.Should().Be(DispatchOutcomeKind.Created);
        (await _ctx.Store.GetAsync("PC-2026-000002", default))!.History.Should().NotContain(e => e.Kind == TicketEventKind.MessageIdReused);
    }

    [Fact]
    public async Task Dispatch_DuplicateOfFollowUp_LineOnTheTicketItWasAppendedTo()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: "<orig@example.it>"), Requests.Mail("k2", "Re: domanda", messageId: Id, inReplyTo: "<orig@example.it>")], default);

        var copy = (await _ctx.Store.DispatchAsync([Requests.Mail("k3", "Re: domanda", messageId: Id, inReplyTo: "<orig@example.it>")], default)).Single();

        copy.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        var ticket = (await _ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(2);
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived);
    }

    [Fact]
    public async Task Dispatch_LegacyRowWithoutFingerprint_SameMessageIsDuplicate()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id, originalSha256: new string('1', 64))], default);
        StripFingerprints();

        var outcomes = await _ctx.Reopen().DispatchAsync(
        [
            Requests.Mail("k2", messageId: Id, originalSha256: new string('2', 64), dateHeader: Requests.Received.AddDays(-9)),
            Requests.Mail("k3", messageId: Id, originalSha256: new string('1', 64), body: "Testo letto diversamente da una versione precedente"),
        ], default);

        outcomes.Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.Duplicate && o.TicketNumber == "PC-2026-000001",
            "same sender and text (the old row kept no Date to compare), or the very same archived original");
    }

    [Fact]
    public async Task Dispatch_LegacyRowWithoutFingerprint_DifferentMessageIsNewTicket()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", messageId: Id, originalSha256: new string('1', 64))], default);
        StripFingerprints();

        var outcome = (await _ctx.Reopen().DispatchAsync(
            [Requests.Mail("k2", messageId: Id, originalSha256: new string('2', 64), senderEmail: "anna.verdi@example.it", body: "Altra richiesta")], default)).Single();
        var copy = (await _ctx.Store.DispatchAsync(
            [Requests.Mail("k3", messageId: Id, originalSha256: new string('3', 64), senderEmail: "anna.verdi@example.it", body: "Altra richiesta")], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002"));
        (await _ctx.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("mittente, contenuto diversi");
        copy.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.Duplicate, "PC-2026-000002"));
    }

    [Fact]
    public async Task Dispatch_LegacyAutomaticMailRow_RepeatIsDuplicate_CitizenMailWithSameIdIsTicket()
    {
        await _ctx.Store.DispatchAsync([Requests.Mail("k1", "Fuori sede", messageId: Id, automatic: AutomaticMailKind.AutoReply)], default);
        StripFingerprints();

        var outcomes = await _ctx.Reopen().DispatchAsync(
        [
            Requests.Mail("k2", "Fuori sede", messageId: Id, automatic: AutomaticMailKind.AutoReply, originalSha256: new string('2', 64)),
            Requests.Mail("k3", "Allagamento", messageId: Id, originalSha256: new string('3', 64), body: "Cantina allagata"),
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
