using ContactCenter.Channels.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using MailKit.Security;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Email;

[Collection(DovecotFixture.Collection)]
public sealed class ImapSourceFailureTests(DovecotFixture fixture)
{
    private readonly DovecotServer _server = fixture.Server;

    [Fact]
    public async Task Poll_ServerStoppedMidPoll_ThrowsBacksOffThenResumesWithoutLoss()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendManyAsync(user, TestMail.Many(10));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logger = new RecordingLogger();
        await using var source = ImapTestSources.Create(_server, user, o => o.BatchSize = 4, time, logger);
        var seen = new List<string>();

        try
        {
            var failure = await Record.ExceptionAsync(async () =>
            {
                await foreach (var batch in source.PollAsync(CancellationToken.None))
                {
                    seen.AddRange(batch.Items.Select(i => i.SourceKey));
                    await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
                    await _server.StopAsync();
                }
            });

            failure.Should().NotBeNull();
            logger.Has(1202).Should().BeTrue("the failed connection is logged");
            (await source.PollAllAsync(acknowledge: true)).Should().BeEmpty("the source backs off");
            logger.Has(1203).Should().BeTrue();
        }
        finally
        {
            await _server.StartAsync();
        }

        (await source.PollAllAsync(acknowledge: true)).Should().BeEmpty("the delay has not elapsed yet");
        time.Advance(TimeSpan.FromSeconds(16));
        seen.AddRange((await source.PollAllAsync(acknowledge: true)).Items().Select(i => i.SourceKey));

        seen.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        logger.Has(1204).Should().BeTrue("the recovery is logged");
        (await _server.CountAsync(user, "Processed")).Should().Be(10);
        (await _server.CountAsync(user, "INBOX")).Should().Be(0);
    }

    [Fact]
    public async Task Poll_WrongPassword_ThrowsClearAuthenticationError()
    {
        var user = _server.CreateUser("imap");
        await using var source = ImapTestSources.Create(_server, user, o => o.Password = "wrong");

        var act = () => source.PollAllAsync(acknowledge: false);

        var error = await act.Should().ThrowAsync<AuthenticationException>();
        error.Which.Message.Should().Contain($"login as '{user}'").And.Contain("from Password").And.NotContain("wrong");
    }

    [Fact]
    public async Task Poll_PasswordFile_IsReadAtConnectAndTrimmed()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendAsync(user, TestMail.Create(1));
        using var folder = new ContactCenter.Testing.TempDirectory();
        var file = folder.Combine("imap.pw");
        await File.WriteAllTextAsync(file, DovecotServer.Password + "\n");
        await using var source = ImapTestSources.Create(_server, user, o => (o.Password, o.PasswordFile) = (null, file));

        (await source.PollAllAsync(acknowledge: false)).Items().Should().ContainSingle();
    }

    [Fact]
    public async Task Poll_SslOnConnectWithSelfSignedCertificate_FailsUnlessExplicitlyAccepted()
    {
        var user = _server.CreateUser("imap");
        await _server.AppendAsync(user, TestMail.Create(1));
        void Tls(ImapChannelOptions o) => (o.Port, o.Security) = (_server.ImapsPort, MailSecurity.SslOnConnect);

        await using (var strict = ImapTestSources.Create(_server, user, Tls))
        {
            await strict.Invoking(s => s.PollAllAsync(acknowledge: false)).Should().ThrowAsync<SslHandshakeException>();
        }

        var logger = new RecordingLogger();
        await using var lax = ImapTestSources.Create(_server, user, o => { Tls(o); o.AcceptInvalidCertificates = true; }, logger: logger);
        (await lax.PollAllAsync(acknowledge: false)).Items().Should().ContainSingle();
        logger.Entries.Should().Contain(e => e.Id.Id == 1201 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
