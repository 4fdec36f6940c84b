using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// RFC 1939 lets a server give a deleted message's UIDL to a new message. The key carries the content's hash, so the
/// new message is never taken for the one stored under that UIDL (and deleted without a ticket).
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class Pop3UidlReuseTests(DovecotFixture fixture) : IDisposable
{
    private readonly DovecotServer _server = fixture.Server;
    private readonly TempDirectory _state = new("cc-pop3-reuse");

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Poll_MailboxRebuiltAfterADeletion_NewMessageUnderTheSameUidl_GetsItsOwnKey()
    {
        var user = _server.CreateUser("popreuse");
        await _server.AppendManyAsync(user, [TestMail.Create(1)]);
        var (first, _) = await PollAndDeleteAsync(user);

        // The mailbox rebuilt with its UIDVALIDITY kept and its UIDs counted from 1 again, as after a restore.
        var maildir = _server.MaildirPath(user);
        var uidlist = Path.Combine(maildir, "dovecot-uidlist");
        var header = File.ReadLines(uidlist).First().Split(' ');
        File.WriteAllText(uidlist, string.Join(' ', header.Select(f => f.StartsWith('N') ? "N1" : f)) + "\n");
        foreach (var index in Directory.EnumerateFiles(maildir, "dovecot.index*"))
        {
            File.Delete(index);
        }

        await _server.AppendManyAsync(user, [TestMail.Create(2)]);
        var (second, text) = await PollAndDeleteAsync(user);

        second.Metadata["pop3.uidl"].Should().Be(first.Metadata["pop3.uidl"], "the server gave the new message the deleted one's UIDL");
        second.SourceKey.Should().NotBe(first.SourceKey);
        text.Should().Contain("Segnalazione 2");
    }

    [Fact]
    public async Task Poll_SameMessageTwice_SameKey()
    {
        var user = _server.CreateUser("popsame");
        await _server.AppendManyAsync(user, [TestMail.Create(1)]);
        await using var source = Pop3TestSources.Create(_server, user, _state.Combine($"{user}.json"));

        var once = (await source.PollAllAsync(acknowledge: false)).Items().Single().SourceKey;
        var again = (await source.PollAllAsync(acknowledge: false)).Items().Single().SourceKey;

        again.Should().Be(once, "reprocessing the same message must find what it made");
    }

    private async Task<(ContactCenter.Core.Intake.InboundItem Item, string Text)> PollAndDeleteAsync(string user)
    {
        await using var source = Pop3TestSources.Create(_server, user, _state.Combine($"{user}.json"));
        var item = (await source.PollAllAsync(acknowledge: true)).Items().Should().ContainSingle().Subject;
        (await _server.CountAsync(user)).Should().Be(0);
        return (item, await TestMail.ReadAsync(item));
    }
}
