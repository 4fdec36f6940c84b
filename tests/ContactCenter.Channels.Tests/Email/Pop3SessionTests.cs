using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// One POP3 session per poll in Delete mode: stored batches are flagged (DELE) in it, and its QUIT deletes them, at the
/// poll's end or once it holds <see cref="Pop3Session.CommitAfter"/> of them; a session lost before its QUIT deletes
/// nothing, and the next poll offers those messages again.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class Pop3SessionTests(DovecotFixture fixture) : IDisposable
{
    private const int QuitCommitted = 1225;
    private readonly DovecotServer _server = fixture.Server;
    private readonly TempDirectory _state = new("cc-pop3-session");

    private string StatePath => _state.Combine("pop3-pop.json");

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Poll_DeleteMode_BatchesShareOneSessionWhoseQuitAtTheEndDeletesThem()
    {
        var user = _server.CreateUser("popsession");
        await _server.AppendManyAsync(user, TestMail.Many(5));
        var logger = new RecordingLogger();
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.BatchSize = 2, logger);
        var onServerAfterEachAck = new List<int>();

        await foreach (var batch in source.PollAsync(CancellationToken.None))
        {
            await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
            onServerAfterEachAck.Add(await _server.CountAsync(user));
        }

        onServerAfterEachAck.Should().Equal([5, 5, 5], "a flagged message is deleted only by its session's QUIT");
        (await _server.CountAsync(user)).Should().Be(0, "the QUIT that ended the poll deleted all five");
        logger.Entries.Where(e => e.Id.Id == QuitCommitted).Select(e => e.Message).Should().ContainSingle().Which.Should().Contain(" 5 message(s)");
    }

    [Fact]
    public async Task Poll_SessionHoldsCommitAfterDeletions_QuitsWithinThePollAndGoesOnInANewSession()
    {
        var user = _server.CreateUser("popcommit");
        await _server.AppendManyAsync(user, TestMail.Many(Pop3Session.CommitAfter + 100));
        var logger = new RecordingLogger();
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.BatchSize = 250, logger);
        var onServerAfterEachAck = new List<int>();

        await foreach (var batch in source.PollAsync(CancellationToken.None))
        {
            await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
            onServerAfterEachAck.Add(await _server.CountAsync(user));
        }

        onServerAfterEachAck.Should().Equal([1100, 1100, 1100, 100, 100], "the fourth batch's acknowledgement brought the session to 1,000 flags");
        (await _server.CountAsync(user)).Should().Be(0);
        logger.Entries.Where(e => e.Id.Id == QuitCommitted).Should().HaveCount(2);
    }

    [Fact]
    public async Task Poll_StoppedDuringAFetchWhileDeletionsAreFlagged_TheFetchEndsAndTheClosingQuitDeletesThem()
    {
        var user = _server.CreateUser("popstop");
        await _server.AppendManyAsync(user, [TestMail.Create(1), TestMail.Create(2)]);
        await _server.AppendManyAsync(user, Enumerable.Range(3, 60).Select(i => TestMail.Large(i, 300_000)));
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.BatchSize = 30);
        using var stop = new CancellationTokenSource();
        var batches = source.PollAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        (await batches.MoveNextAsync()).Should().BeTrue();
        await source.AcknowledgeAsync(batches.Current.Items, CancellationToken.None);

        // A service stop while the next batch (30 messages of 300 KB) is fetched.
        stop.CancelAfter(TimeSpan.FromMilliseconds(10));
        await Record.ExceptionAsync(async () => await batches.MoveNextAsync());
        await batches.DisposeAsync();

        (await _server.CountAsync(user)).Should().Be(32, "the session holding the first batch's deletions was not cut, and its QUIT deleted them");
    }

    [Fact]
    public async Task Poll_SessionLostBeforeItsQuit_DeletesNothingAndTheNextPollOffersTheMessagesAgain()
    {
        var user = _server.CreateUser("poplost");
        await _server.AppendManyAsync(user, TestMail.Many(4));
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var source = Pop3TestSources.Create(_server, user, StatePath, o => o.BatchSize = 2, time: time);
        var first = new List<string>();

        var failure = await Record.ExceptionAsync(async () =>
        {
            await foreach (var batch in source.PollAsync(CancellationToken.None))
            {
                first.AddRange(batch.Items.Select(i => i.SourceKey));
                await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
                await _server.StopAsync();
                await _server.StartAsync();
            }
        });

        failure.Should().NotBeNull("the next batch's fetch found the session gone");
        first.Should().HaveCount(2);
        (await _server.CountAsync(user)).Should().Be(4, "the flags of the lost session were never committed");

        time.Advance(TimeSpan.FromSeconds(16));
        var again = (await source.PollAllAsync(acknowledge: true)).Items().Select(i => i.SourceKey).ToList();

        again.Should().HaveCount(4).And.Contain(first, "the first batch is offered again, for the store to recognise");
        (await _server.CountAsync(user)).Should().Be(0);
    }
}
