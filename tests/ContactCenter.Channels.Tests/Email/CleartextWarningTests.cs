using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// A mailbox configured without TLS on another machine is said at the first connect and then once a day, not at every
/// poll. The host is a documentation address (RFC 5737) no server answers: the warning comes before the connection,
/// and every poll's failed connect is logged, which shows that each poll tried.
/// </summary>
public sealed class CleartextWarningTests
{
    private const int CleartextEvent = 1224;
    private const int ConnectFailedEvent = 1202;
    private const string Remote = "192.0.2.1";

    [Fact]
    public async Task Poll_Pop3WithoutTls_WarnsAtTheFirstConnectThenOnceADay()
    {
        using var state = new TempDirectory();
        var (time, logger) = (new FakeTimeProvider(DateTimeOffset.UtcNow), new RecordingLogger());
        var options = Configure(new Pop3ChannelOptions { Type = "Pop3" });
        var source = new Pop3Source("pop", options, state.Combine("pop.json"), logger, time);

        await AssertWarnedOnceADayAsync(source, options, time, logger);
    }

    [Fact]
    public async Task Poll_ImapWithoutTls_WarnsAtTheFirstConnectThenOnceADay()
    {
        var (time, logger) = (new FakeTimeProvider(DateTimeOffset.UtcNow), new RecordingLogger());
        var options = Configure(new ImapChannelOptions { Type = "Imap" });
        await using var source = new ImapSource("urp", options, logger, time);

        await AssertWarnedOnceADayAsync(source, options, time, logger);
    }

    private static T Configure<T>(T options)
        where T : MailConnectionOptions
    {
        options.Host = Remote;
        options.Port = 110;
        options.Security = MailSecurity.None;
        options.User = "urp";
        options.Password = "secret";
        options.Timeout = TimeSpan.FromSeconds(1);
        return options;
    }

    private static async Task AssertWarnedOnceADayAsync(IInboundSource source, MailConnectionOptions options, FakeTimeProvider time, RecordingLogger logger)
    {
        for (var poll = 0; poll < 3; poll++)
        {
            (await Record.ExceptionAsync(() => source.PollAllAsync(acknowledge: true))).Should().NotBeNull("nothing answers there");
            time.Advance(options.MaxRetryDelay); // past the back-off, so the next poll connects again
        }

        var first = logger.Entries.Count(e => e.Id.Id == CleartextEvent);
        time.Advance(ConnectionWarnings.RepeatEvery);
        await Record.ExceptionAsync(() => source.PollAllAsync(acknowledge: true));

        logger.Entries.Count(e => e.Id.Id == ConnectFailedEvent).Should().Be(4, "every poll tried to connect");
        first.Should().Be(1, "three connects in a row said it once");
        logger.Entries.Where(e => e.Id.Id == CleartextEvent).Should().HaveCount(2, "a day later it is said again")
            .And.AllSatisfy(e => e.Message.Should().Contain(Remote).And.Contain("once a day"));
    }
}
