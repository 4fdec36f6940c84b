using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.EndToEnd;

[Collection(DovecotFixture.Collection)]
public sealed class ImapEndToEndTests(DovecotFixture dovecot) : IDisposable
{
    private readonly TempDirectory folder = new("cc-imap-e2e");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Imap_200Messages_Become200Tickets_AndFollowUpsDuplicatesAutomaticAndBadMailAreHandled()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("imap");
        await server.AppendManyAsync(user, Enumerable.Range(1, 200).Select(i => CitizenMail.Request(i, "imap")));
        var config = MailConfig.Write(folder.Path, server, user, "Imap");

        var first = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        first.ExitCode.Should().Be(0, first.Error);
        IngestSummaryJson.Single(first.Output).Should().Match<IngestSummaryJson>(s => s.Fetched == 200 && s.Created == 200);
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(200);
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config);
        var tickets = IngestSummaryJson.Tickets(list.Output);
        tickets.Should().HaveCount(200);
        var seventh = tickets.Single(t => t.GetProperty("subject").GetString() == "Richiesta n. 7 (imap)").GetProperty("number").GetString()!;

        await server.AppendAsync(user, CitizenMail.Reply(seventh, "<req-7-imap@example.it>"));
        await server.AppendAsync(user, CitizenMail.Request(3, "imap"));
        await server.AppendAsync(user, CitizenMail.AutoReply());
        await server.AppendAsync(user, CitizenMail.Bounce());
        await server.AppendAsync(user, CitizenMail.Oversized());
        await server.AppendAsync(user, CitizenMail.Request(201, "imap"));

        var second = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        second.ExitCode.Should().Be(0, second.Error);
        IngestSummaryJson.Single(second.Output).Should().BeEquivalentTo(new
        {
            Fetched = 6, Created = 1, FollowUps = 1, Duplicates = 1, AutoMail = 2, Quarantined = 1,
        });
        (await server.CountAsync(user, "INBOX")).Should().Be(0);
        (await server.CountAsync(user, "Processed")).Should().Be(205);
        (await server.CountAsync(user, "Quarantine")).Should().Be(1, "bad mail is moved aside, never deleted");
        var after = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        after.Should().HaveCount(201);
        after.Single(t => t.GetProperty("number").GetString() == seventh).GetProperty("messages").GetInt32().Should().Be(2);
    }

    [Fact]
    public async Task Imap_MessageWithoutMessageIdCopiedBackToTheInbox_IsADuplicateNotASecondTicket()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("imapnoid");
        await server.AppendAsync(user, CitizenMail.WithoutMessageId(1, "noid"));
        var config = MailConfig.Write(folder.Path, server, user, "Imap");
        (await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config)).ExitCode.Should().Be(0);

        // An operator who thinks it was missed copies it back from Processed: the same bytes under a new UID.
        using (var client = await server.ConnectImapAsync(user))
        {
            var processed = await client.GetFolderAsync("Processed");
            await processed.OpenAsync(MailKit.FolderAccess.ReadOnly);
            await processed.CopyToAsync(await processed.SearchAsync(MailKit.Search.SearchQuery.All), client.Inbox);
            await client.DisconnectAsync(true);
        }

        await server.AppendAsync(user, CitizenMail.WithoutMessageId(2, "noid"));

        var second = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        second.ExitCode.Should().Be(0, second.Error);
        IngestSummaryJson.Single(second.Output).Should().BeEquivalentTo(new { Fetched = 2, Created = 1, Duplicates = 1 });
        (await server.CountAsync(user, "INBOX")).Should().Be(0, "the copy is acknowledged like any duplicate");
        var tickets = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        tickets.Select(t => t.GetProperty("subject").GetString()).Should().BeEquivalentTo(["Richiesta n. 1 (noid)", "Richiesta n. 2 (noid)"]);
    }

    [Fact]
    public async Task Pop3_Messages_BecomeTickets_AndBadMailStaysOnTheServer()
    {
        var server = dovecot.Server;
        var user = server.CreateUser("pop");
        await server.AppendManyAsync(user, Enumerable.Range(1, 30).Select(i => CitizenMail.Request(i, "pop")));
        var config = MailConfig.Write(folder.Path, server, user, "Pop3", batchSize: 10);

        var first = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        first.ExitCode.Should().Be(0, first.Error);
        IngestSummaryJson.Single(first.Output).Created.Should().Be(30);
        (await server.CountAsync(user, "INBOX")).Should().Be(0, "POP3 deletes after import by default");
        var tickets = IngestSummaryJson.Tickets((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output);
        var seventh = tickets.Single(t => t.GetProperty("subject").GetString() == "Richiesta n. 7 (pop)").GetProperty("number").GetString()!;

        await server.AppendAsync(user, CitizenMail.Reply(seventh, "<req-7-pop@example.it>"));
        await server.AppendAsync(user, CitizenMail.Request(3, "pop"));
        await server.AppendAsync(user, CitizenMail.AutoReply());
        await server.AppendAsync(user, CitizenMail.Bounce());
        await server.AppendAsync(user, CitizenMail.Oversized());

        var second = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);

        second.ExitCode.Should().Be(0, second.Error);
        IngestSummaryJson.Single(second.Output).Should().BeEquivalentTo(new
        {
            Fetched = 5, Created = 0, FollowUps = 1, Duplicates = 1, AutoMail = 2, Quarantined = 1,
        });
        (await server.CountAsync(user, "INBOX")).Should().Be(1, "the rejected message is kept on the server");

        var third = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", config);
        IngestSummaryJson.Single(third.Output).Fetched.Should().Be(0, "a rejected message is remembered and not offered again");
        IngestSummaryJson.TicketCount((await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", config)).Output).Should().Be(30);
    }
}
