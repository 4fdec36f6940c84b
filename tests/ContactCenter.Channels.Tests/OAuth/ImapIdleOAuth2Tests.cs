using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>The IMAP IDLE connection, the longest-lived login of all, across its token's expiry.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class ImapIdleOAuth2Tests(DovecotOAuth2Fixture fixture)
{
    [Fact]
    public async Task Watch_TokenExpiresWhileIdling_ReconnectsWithAFreshTokenAndStillReportsArrivals()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "oidle");
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger, idle: true);
        fixture.Tokens.TokenLifetime = TimeSpan.FromSeconds(2);
        using var stop = new CancellationTokenSource();
        try
        {
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var watch = source.WatchAsync(_ => { arrived.TrySetResult(); return Task.CompletedTask; }, stop.Token);

            await WaitUntilAsync(() => logger.Entries.Count(e => e.Id.Id == 1219) >= 2, "IDLE again after the first token expired");
            await fixture.Dovecot.AppendAsync(user, TestMail.Create(1));
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await stop.CancelAsync();
            await watch.WaitAsync(TimeSpan.FromSeconds(30));

            logger.Has(2764).Should().BeTrue("the watcher ends its session when the token expires");
            fixture.Tokens.Issued.Count(t => t.ClientId == client.ClientId).Should().BeGreaterThanOrEqualTo(2);
            fixture.Tokens.ExpiredIntrospections.Should().Be(0);
        }
        finally
        {
            fixture.Tokens.TokenLifetime = TimeSpan.FromHours(1);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            DateTime.UtcNow.Should().BeBefore(until, what);
            await Task.Delay(50);
        }
    }
}
