using ContactCenter.Testing.Dovecot;
using MailKit;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class ImapSourceTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Poll_200Messages_YieldsThemInTwoBatchesWithOneBodyFetchEach()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(200));
        var counter = new ImapCommandCounter();
        await using var source = ImapTestSources.Create(_server, user, counter: counter);

        var batches = await source.PollAllAsync(acknowledge: false);

        batches.Select(b => b.Items.Count).Should().Equal(100, 100);
        batches[0].Remaining.Should().Be(100);
        var items = batches.Items();
        items.Select(i => i.SourceKey).Should().OnlyHaveUniqueItems();
        items.Should().AllSatisfy(i =>
        {
            i.OriginalContentType.Should().Be("message/rfc822");
            i.OriginalFileName.Should().Be("message.eml");
            i.Length.Should().BeGreaterThan(100);
        });
        (await TestMail.ReadAsync(items[199])).Should().Contain("Subject: Segnalazione 200");
        // One BODY.PEEK[] fetch per batch plus one INTERNALDATE and size fetch for both, never one per message.
        counter.Count("UID FETCH").Should().Be(3);
        counter.ClientText.Should().Contain("UID FETCH 1:200 (UID INTERNALDATE RFC822.SIZE)");
        counter.ClientText.Should().Contain("BODY.PEEK[]").And.NotContain(" FETCH 1 ");
    }

    [Fact]
    public async Task Poll_ThirteenBatches_ReadsSizesAndDatesForTenBatchesInOneFetch()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(250));
        var counter = new ImapCommandCounter();
        await using var source = ImapTestSources.Create(_server, user, o => o.BatchSize = 20, counter: counter);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(250);
        items.Select(i => i.ReceivedAt).Should().AllSatisfy(d => d.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        counter.Count("UID FETCH").Should().Be(13 + 2, "a body fetch per batch, and sizes and dates for ten batches at a time");
        counter.ClientText.Should().Contain("UID FETCH 1:200 (UID INTERNALDATE RFC822.SIZE)").And.Contain("UID FETCH 201:250 (UID INTERNALDATE RFC822.SIZE)");
    }

    [Fact]
    public async Task Poll_MessageOverMaxMessageBytes_NotDownloadedAndRejectsWithItsSize()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, [TestMail.Create(1), TestMail.Large(2, 300_000), TestMail.Create(3)]);
        var counter = new ImapCommandCounter();
        await using var source = ImapTestSources.Create(_server, user, counter: counter, maxMessageBytes: 100_000);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();

        items.Should().HaveCount(3);
        items[1].Length.Should().BeGreaterThan(300_000, "the server's RFC822.SIZE");
        await FluentActions.Awaiting(async () => await items[1].OpenAsync(CancellationToken.None))
            .Should().ThrowAsync<ContactCenter.Core.Intake.InboundItemRejectedException>()
            .WithMessage("Message is * bytes, over the limit of 100000 bytes (ContactCenter:Mail:MaxMessageBytes); not downloaded*");
        (await TestMail.ReadAsync(items[2])).Should().Contain("Segnalazione 3");
        counter.ClientText.Should().MatchRegex(@"UID FETCH 1,3 \(BODY\.PEEK\[\]\)", "only the two small messages are downloaded");
    }

    [Fact]
    public async Task Poll_Twice_KeysAreStableAndMessagesStayUnseen()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(5));
        await using var source = ImapTestSources.Create(_server, user);

        var first = (await source.PollAllAsync(acknowledge: false)).Items().Select(i => i.SourceKey).ToList();
        var second = (await source.PollAllAsync(acknowledge: false)).Items().Select(i => i.SourceKey).ToList();

        second.Should().Equal(first).And.HaveCount(5);
        using var client = await _server.ConnectImapAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var flags = await client.Inbox.FetchAsync(0, -1, new FetchRequest(MessageSummaryItems.Flags));
        flags.Should().OnlyContain(s => !s.Flags!.Value.HasFlag(MessageFlags.Seen));
    }

    [Fact]
    public async Task Poll_KeyCarriesUserHostFolderUidValidityAndUid()
    {
        var user = _server.CreateUser("imap");
        var uid = await _server.AppendAsync(user, TestMail.Create(1));
        using var client = await _server.ConnectImapAsync(user);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        await using var source = ImapTestSources.Create(_server, user);

        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();

        item.SourceKey.Should().Be($"imap:{user}@127.0.0.1/INBOX/{client.Inbox.UidValidity}/{uid!.Value.Id}");
        item.SourceState.Should().Be(new UniqueId(client.Inbox.UidValidity, uid.Value.Id));
        item.ReceivedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Acknowledge_MoveMode_MovesEverythingToCreatedProcessedFolder()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(150));
        await using var source = ImapTestSources.Create(_server, user);

        var batches = await source.PollAllAsync(acknowledge: true);

        batches.Items().Should().HaveCount(150);
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
        (await _server.CountAsync(user, "Processed")).Should().Be(150);
        (await _server.CountAsync(user, "Quarantine")).Should().Be(0);
        (await source.PollAllAsync(acknowledge: true)).Items().Should().BeEmpty();
    }
}
