using ContactCenter.Channels.Email;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class ImapSourceModesTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Acknowledge_MarkSeenMode_LeavesMessagesAndDoesNotOfferThemAgain()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        await using var source = ImapTestSources.Create(_server, user, o => o.AfterImport = ImapAfterImport.MarkSeen);

        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(3);
        await _server.AppendAsync(user, TestMail.Create(4));

        var next = (await source.PollAllAsync(acknowledge: false)).Items();
        next.Should().ContainSingle();
        (await TestMail.ReadAsync(next[0])).Should().Contain("Segnalazione 4");
        (await _server.CountAsync(user, "INBOX")).Should().Be(4);
        (await _server.CountAsync(user, "Processed")).Should().Be(0);
    }

    [Fact]
    public async Task Acknowledge_DeleteMode_ExpungesOnlyAcknowledgedMessages()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        await using var source = ImapTestSources.Create(_server, user, o => o.AfterImport = ImapAfterImport.Delete);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();
        await source.AcknowledgeAsync(items.Take(2).ToList(), CancellationToken.None);

        (await _server.SubjectsAsync(user)).Should().Equal("Segnalazione 3");
        (await source.PollAllAsync(acknowledge: false)).Items().Single().SourceKey.Should().Be(items[2].SourceKey);
    }

    [Fact]
    public async Task Reject_MovesTheMessageToCreatedQuarantineFolder()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        await using var source = ImapTestSources.Create(_server, user);

        var items = (await source.PollAllAsync(acknowledge: false)).Items();
        await source.RejectAsync(items[1], "unparseable", CancellationToken.None);
        await source.AcknowledgeAsync([items[0], items[2]], CancellationToken.None);

        (await _server.SubjectsAsync(user, "Quarantine")).Should().Equal("Segnalazione 2");
        (await _server.SubjectsAsync(user, "Processed")).Should().Equal("Segnalazione 1", "Segnalazione 3");
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
    }

    [Fact]
    public async Task Poll_ImportSince_IgnoresAndNeverTouchesOlderMessages()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendAsync(user, TestMail.Create(1, "Vecchia"), internalDate: new DateTimeOffset(2023, 12, 31, 23, 0, 0, TimeSpan.Zero));
        await _server.AppendAsync(user, TestMail.Create(2, "Nuova"), internalDate: new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero));
        await _server.AppendAsync(user, TestMail.Create(3, "Recente"));
        await using var source = ImapTestSources.Create(_server, user, o => o.ImportSince = new DateOnly(2024, 1, 1));

        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().HaveCount(2);
        items[0].ReceivedAt.Should().Be(new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero));
        (await _server.SubjectsAsync(user)).Should().Equal("Vecchia 1");
        (await _server.SubjectsAsync(user, "Processed")).Should().Equal("Nuova 2", "Recente 3");
    }
}
