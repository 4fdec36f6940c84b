using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>Same mailbox and Message-ID is a duplicate only with the same sender, Date and content.</summary>
public sealed partial class TicketStoreContractTests
{
    private const string ReusedId = "<riuso@mailer.example.it>";

    public static TheoryData<StoreProvider, string, string, string> ProvidersAndDifferences
    {
        get
        {
            var data = new TheoryData<StoreProvider, string, string, string>();
            foreach (var provider in new[] { StoreProvider.LiteDb, StoreProvider.PostgreSql })
            {
                data.Add(provider, "body", "mario.rossi@example.it", "contenuto");
                data.Add(provider, "sender", "giulia.bianchi@example.it", "mittente");
                data.Add(provider, "date", "mario.rossi@example.it", "data");
                data.Add(provider, "subject", "mario.rossi@example.it", "contenuto");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_SameMessageTwice_OneTicketAndHistoryLineOnIt(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId)], default);

        var again = (await s.Reopen().DispatchAsync(
            [StoreRequests.Mail("k2", messageId: ReusedId, body: "Buongiorno,\r\nvorrei sapere se domani le scuole   restano chiuse.\r\n")], default)).Single();

        again.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Duplicate, "PC-2026-000001"), "line breaks and blanks are not content");
        (await s.Store.QueryAsync(new TicketQuery(), default)).Should().ContainSingle();
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().ContainSingle();
        var line = ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived).Subject;
        line.SourceKey.Should().Be("k2");
        line.Detail.Should().Contain("riuso@mailer.example.it").And.Contain("k2");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(1, "a duplicate queues no receipt");
        (await IsKnownAsync(s.Store, "k2")).Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(ProvidersAndDifferences))]
    public async Task Dispatch_ReusedMessageIdDifferentContent_SecondTicketWithNotesOnBoth(StoreProvider provider, string what, string sender, string named)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId)], default);
        var other = StoreRequests.Mail("k2", what == "subject" ? "Tutt'altro argomento" : "Richiesta informazioni allerta meteo", messageId: ReusedId,
            body: what == "body" ? "Segnalo una frana sulla provinciale 17." : "Buongiorno, vorrei sapere se domani le scuole restano chiuse.",
            senderEmail: sender, dateHeader: what == "date" ? StoreRequests.Received.AddDays(-1) : null);

        var outcome = (await s.Store.DispatchAsync([other], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002"));
        var second = (await s.Store.GetAsync("PC-2026-000002", default))!;
        second.MessageId.Should().Be("riuso@mailer.example.it");
        second.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused).Which.Detail
            .Should().Contain("PC-2026-000001").And.Contain(named);
        (await s.Store.GetAsync("PC-2026-000001", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("PC-2026-000002").And.Contain("k2");
        (await s.Store.CountOutboxAsync(pendingOnly: false, default)).Should().Be(2, "the second citizen gets a receipt too");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_CopiesOfBothMessagesLater_EachADuplicateOfItsOwnTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var frana = "Segnalo una frana sulla provinciale 17.";
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId), StoreRequests.Mail("k2", messageId: ReusedId, body: frana)], default);

        var copies = await s.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k3", messageId: ReusedId, body: frana), StoreRequests.Mail("k4", messageId: ReusedId),
            StoreRequests.Mail("k5", messageId: ReusedId, body: "Un terzo testo."),
        ], default);

        copies.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Duplicate, "PC-2026-000002"), (DispatchOutcomeKind.Duplicate, "PC-2026-000001"), (DispatchOutcomeKind.Created, "PC-2026-000003"));
        (await s.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived && e.SourceKey == "k3");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_ReusedIdInOtherMailbox_IsNotCompared(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId)], default);

        var outcome = (await s.Store.DispatchAsync([StoreRequests.Mail("k2", messageId: ReusedId, channel: "pec")], default)).Single();

        outcome.Kind.Should().Be(DispatchOutcomeKind.Created);
        (await s.Store.GetAsync("PC-2026-000002", default))!.History.Should().NotContain(e => e.Kind == TicketEventKind.MessageIdReused);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_DuplicateOfFollowUp_LineOnTheTicketItWasAppendedTo(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", messageId: "<orig@example.it>"), StoreRequests.Mail("k2", "Re: domanda", messageId: ReusedId, inReplyTo: "<orig@example.it>")], default);

        var copy = (await s.Store.DispatchAsync([StoreRequests.Mail("k3", "Re: domanda", messageId: ReusedId, inReplyTo: "<orig@example.it>")], default)).Single();

        copy.Should().Be(new DispatchOutcome("k3", DispatchOutcomeKind.Duplicate, "PC-2026-000001"));
        var ticket = (await s.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(2);
        ticket.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_AutomaticMailRepeated_IsDuplicate_CitizenMailWithSameIdIsTicket(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", "Fuori sede", messageId: ReusedId, automatic: AutomaticMailKind.AutoReply)], default);

        var outcomes = await s.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k2", "Fuori sede", messageId: ReusedId, automatic: AutomaticMailKind.AutoReply),
            StoreRequests.Mail("k3", "Allagamento", messageId: ReusedId, body: "Cantina allagata"),
        ], default);

        outcomes.Select(o => o.Kind).Should().Equal(DispatchOutcomeKind.Duplicate, DispatchOutcomeKind.Created);
        (await s.Store.GetAsync(outcomes[1].TicketNumber!, default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("un messaggio automatico");
    }

    /// <summary>Rows written before schema version 4 carry no fingerprint: the stored message decides, as in LiteDB.</summary>
    [Fact]
    public async Task Dispatch_PostgreSqlRowWithoutFingerprint_ComparedWithTheStoredMessage()
    {
        await using var s = await OpenAsync(StoreProvider.PostgreSql);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: ReusedId, originalSha256: new string('1', 64))], default);
        await using (var db = NpgsqlDataSource.Create(s.PostgreSql!.ConnectionString))
        {
            await using var command = db.CreateCommand("UPDATE message_ids SET fingerprint = NULL, source_key = NULL");
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var outcomes = await s.Reopen().DispatchAsync(
        [
            StoreRequests.Mail("k2", messageId: ReusedId, originalSha256: new string('2', 64), dateHeader: StoreRequests.Received.AddDays(-9)),
            StoreRequests.Mail("k3", messageId: ReusedId, originalSha256: new string('1', 64), body: "Testo letto diversamente da una versione precedente"),
            StoreRequests.Mail("k4", messageId: ReusedId, originalSha256: new string('4', 64), senderEmail: "anna.verdi@example.it", body: "Altra richiesta"),
        ], default);

        outcomes.Select(o => (o.Kind, o.TicketNumber)).Should().Equal(
            (DispatchOutcomeKind.Duplicate, "PC-2026-000001"), (DispatchOutcomeKind.Duplicate, "PC-2026-000001"), (DispatchOutcomeKind.Created, "PC-2026-000002"));
        (await s.Store.GetAsync("PC-2026-000002", default))!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.MessageIdReused)
            .Which.Detail.Should().Contain("mittente, contenuto diversi");
    }
}
