using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// The kept IMAP connection: checked (NOOP) and the folder selected at the start of a poll, then used as it is by the
/// poll's fetches and MOVEs; a connection that breaks within a poll fails that step and the next poll starts afresh.
/// </summary>
[Collection(DovecotFixture.Collection)]
public sealed class ImapConnectionTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Poll_ThreeBatchesMoved_SelectsOnceAndMovesWithoutChecksUntilTheNextPoll()
    {
        var user = _server.CreateUser("imapreuse");
        await _server.AppendManyAsync(user, TestMail.Many(250));
        var counter = new ImapCommandCounter();
        await using var source = ImapTestSources.Create(_server, user, counter: counter);

        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(250);

        counter.Count("UID MOVE").Should().Be(3);
        counter.Count("SELECT").Should().Be(1, "the folder stays selected from the poll's first step to its last MOVE");
        counter.Count("NOOP").Should().Be(0, "a connection just opened needs no check");

        await _server.AppendManyAsync(user, TestMail.Many(2));
        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(2);

        counter.Count("NOOP").Should().Be(1, "the next poll checks the kept connection once");
        counter.Count("SELECT").Should().Be(2, "and selects the folder afresh, to see what arrived");
        counter.Count("UID MOVE").Should().Be(4);
        (await _server.CountAsync(user, "Processed")).Should().Be(252);
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
    }

    [Fact]
    public async Task Acknowledge_ServerRestartedWithinPoll_FailsAndTheNextPollMovesEverythingOnce()
    {
        var user = _server.CreateUser("imapbroken");
        await _server.AppendManyAsync(user, TestMail.Many(6));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var source = ImapTestSources.Create(_server, user, o => o.BatchSize = 3, time);
        var first = new List<string>();

        var failure = await Record.ExceptionAsync(async () =>
        {
            await foreach (var batch in source.PollAsync(CancellationToken.None))
            {
                first.AddRange(batch.Items.Select(i => i.SourceKey));
                await _server.StopAsync();
                await _server.StartAsync();
                await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
            }
        });

        failure.Should().NotBeNull("the MOVE went to a connection the restart closed");
        first.Should().HaveCount(3);
        (await _server.CountAsync(user, "INBOX")).Should().Be(6, "nothing was moved");

        time.Advance(TimeSpan.FromSeconds(16));
        var again = (await source.PollAllAsync(acknowledge: true)).Items().Select(i => i.SourceKey).ToList();

        again.Should().HaveCount(6).And.OnlyHaveUniqueItems().And.Contain(first, "the first batch is offered again, for the store to recognise");
        (await _server.CountAsync(user, "Processed")).Should().Be(6);
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
    }
}
