using ContactCenter.Channels.Email;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Issue 11 through the real pipeline (mail drop, e-mail normaliser, LiteDB store): a Message-ID reused by a different
/// message makes a second ticket; the same message delivered twice makes one, with a history line for the copy.
/// </summary>
[Collection(CorpusCollection.Name)]
[Trait(RunAlone.Trait, RunAlone.Value)]
public sealed class MessageIdReuseTests
{
    private static byte[] Mail(string from, string subject, string body, string messageId, string date, params string[] received) => Lines(
        [.. received, $"From: {from}", "To: segnalazioni@protezionecivile.example.it", $"Subject: {subject}", $"Date: {date}", $"Message-ID: {messageId}",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", body]);

    private static readonly CorpusCase[] Cases =
    [
        new("reused-first", "reused-first.eml", () => Mail("Mario Rossi <mario.rossi@example.it>", "Albero caduto", "Un albero è caduto in via Roma.",
            "<0000@broken-mailer>", "Mon, 23 Nov 2026 10:15:00 +0100"), CorpusExpectation.Ticket(_ => { })),
        new("reused-second", "reused-second.eml", () => Mail("Anna Verdi <anna.verdi@example.it>", "Cantina allagata", "La cantina è allagata da stanotte.",
            "<0000@broken-mailer>", "Mon, 23 Nov 2026 11:40:00 +0100"), CorpusExpectation.Ticket(_ => { })),
        new("copy-first", "copy-first.eml", () => Mail("Luca Neri <luca.neri@example.it>", "Frana", "Una frana blocca la provinciale.",
            "<frana-1@example.it>", "Mon, 23 Nov 2026 12:00:00 +0100", "Received: from mx1.example.it by mx.protezionecivile.example.it; Mon, 23 Nov 2026 12:00:05 +0100"),
            CorpusExpectation.Ticket(_ => { })),
        new("copy-second", "copy-second.eml", () => Mail("Luca Neri <luca.neri@example.it>", "Frana", "Una frana blocca la provinciale.",
            "<frana-1@example.it>", "Mon, 23 Nov 2026 12:00:00 +0100", "Received: from mx2.example.it by mx.protezionecivile.example.it; Mon, 23 Nov 2026 12:07:41 +0100"),
            CorpusExpectation.Ticket(_ => { })),
    ];

    [Fact]
    public async Task Ingest_ReusedMessageIdAndRedeliveredCopy_TwoTicketsForTheReuseOneForTheCopy()
    {
        using var run = new CorpusRun(Cases);

        await run.RunAsync((r, token) => PipelineDriver.RunAsync(r, _ => new MailDropSource(
            "segnalazioni", new MailDropChannelOptions { Type = "MailDrop", Path = r.DropDirectory, BatchSize = 16, StableFor = TimeSpan.Zero },
            NullLogger.Instance, TimeProvider.System), token), CancellationToken.None);

        using var store = new LiteDbTicketStore(new StoreOptions { DataDirectory = run.DataDirectory }, TimeProvider.System, NullLogger<LiteDbTicketStore>.Instance);
        var tickets = await store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Should().HaveCount(3, "two different messages with one Message-ID, and one message delivered twice");
        (await store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Should().BeEmpty();

        var reused = tickets.Where(t => t.MessageId == "0000@broken-mailer").ToList();
        reused.Select(t => t.Sender.Email).Should().BeEquivalentTo(["mario.rossi@example.it", "anna.verdi@example.it"]);
        reused.Should().OnlyContain(t => t.History.Count(e => e.Kind == TicketEventKind.MessageIdReused) == 1, "both tickets say the ID was reused");

        var copy = tickets.Should().ContainSingle(t => t.MessageId == "frana-1@example.it").Subject;
        copy.Messages.Should().ContainSingle();
        var line = copy.History.Should().ContainSingle(e => e.Kind == TicketEventKind.DuplicateReceived).Subject;
        new[] { run.Sha256["copy-first"], run.Sha256["copy-second"] }.Should().Contain(sha => line.SourceKey!.Contains(sha, StringComparison.Ordinal),
            "the line names the copy that was not stored again");
        line.SourceKey.Should().NotBe(copy.SourceKey);
        Directory.EnumerateFiles(run.DropDirectory).Should().BeEmpty("the duplicate is acknowledged like any stored item");
    }
}
