using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class Pop3SourceFailureTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Poll_ServerDown_ThrowsBacksOffThenFetchesEverything()
    {
        using var state = new TempDirectory("cc-pop3");
        var user = _server.CreateUser("pop");
        await _server.AppendManyAsync(user, TestMail.Many(3));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new RecordingLogger();
        await using var source = Pop3TestSources.Create(_server, user, state.Combine("s.json"), logger: logger, time: time);

        await _server.StopAsync();
        try
        {
            await source.Invoking(s => s.PollAllAsync(acknowledge: true)).Should().ThrowAsync<Exception>();
            (await source.PollAllAsync(acknowledge: true)).Should().BeEmpty();
            logger.Has(1202).Should().BeTrue();
            logger.Has(1203).Should().BeTrue();
        }
        finally
        {
            await _server.StartAsync();
        }

        time.Advance(TimeSpan.FromSeconds(16));
        (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(3);
        (await _server.CountAsync(user)).Should().Be(0);
    }
}
