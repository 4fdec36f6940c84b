using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// Someone empties the mailbox on the server while the service runs (to make room under its quota, from webmail) and
/// deletes the Processed or Quarantine folder with it. The folders were made at the first login only, so every later
/// MOVE failed: the stored messages stayed in INBOX, each poll took them again, and the mail behind them was never read.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class ImapFoldersDeletedTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Acknowledge_ProcessedFolderDeletedMeanwhile_MakesItAgainAndMoves()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(2));
        var log = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, logger: log);
        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(2);

        await DeleteFolderAsync(user, "Processed");
        await _server.AppendAsync(user, TestMail.Create(3));
        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().ContainSingle();
        (await _server.SubjectsAsync(user, "Processed")).Should().Equal("Segnalazione 3");
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
        log.Has(1228).Should().BeTrue("the folder made again is said in the log");
    }

    [Fact]
    public async Task Reject_QuarantineFolderDeletedMeanwhile_MakesItAgainAndMoves()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(1));
        await using var source = ImapTestSources.Create(_server, user);
        (await source.PollAllAsync(acknowledge: true)).Items().Should().ContainSingle();

        await DeleteFolderAsync(user, "Quarantine");
        await _server.AppendAsync(user, TestMail.Create(2));
        var item = (await source.PollAllAsync(acknowledge: false)).Items().Single();
        await source.RejectAsync(item, "not a parseable e-mail message", CancellationToken.None);

        (await _server.SubjectsAsync(user, "Quarantine")).Should().Equal("Segnalazione 2");
    }

    private async Task DeleteFolderAsync(string user, string name)
    {
        using var client = await _server.ConnectImapAsync(user);
        await (await client.GetFolderAsync(name)).DeleteAsync();
        await client.DisconnectAsync(true);
    }
}
