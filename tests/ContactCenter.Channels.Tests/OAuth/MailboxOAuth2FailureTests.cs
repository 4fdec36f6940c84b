using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;
using MailKit.Security;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>What a channel says and does when its grant goes bad, against the real Dovecot and token server.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class MailboxOAuth2FailureTests(DovecotOAuth2Fixture fixture)
{
    [Fact]
    public async Task Imap_ConsentRevoked_PollFailsWithConsentRevokedAndMailStays()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "orev");
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(2));
        client.ConsentRevoked = true;
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger);

        var poll = async () => await source.PollAllAsync(acknowledge: true);

        (await poll.Should().ThrowAsync<OAuth2TokenException>()).Which.Message
            .Should().StartWith("OAuth2: consent revoked").And.Contain("invalid_grant").And.Contain("AADSTS65001").And.NotContain(client.Secret!);
        cache.Status.LastError.Should().Contain("consent revoked");
        cache.Status.TokenExpiresAt.Should().BeNull();
        logger.Entries.Should().Contain(e => e.Id.Id == 2761 && e.Message.Contains("consent revoked"));
        (await fixture.Dovecot.CountAsync(user)).Should().Be(2, "nothing is touched without a login");
    }

    [Fact]
    public async Task Pop3_SecretExpired_ErrorSaysSecretExpiredAndShowsWhenItDid()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "osec");
        options.SecretExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
        client.SecretExpired = true;
        using var state = new TempDirectory("cc-oauth-pop");
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Pop3(fixture.Dovecot, user, state.Combine("pop.json"), options, cache, logger);

        var poll = async () => await source.PollAllAsync(acknowledge: true);

        (await poll.Should().ThrowAsync<OAuth2TokenException>()).Which.Message
            .Should().StartWith("OAuth2: client secret expired").And.Contain("AADSTS7000222");
        cache.Status.Describe().Should().Contain("secret/certificate expires " + options.SecretExpiresOn!.Value.ToString("yyyy-MM-dd"))
            .And.Contain("last refresh failed: OAuth2: client secret expired");
    }

    [Fact]
    public async Task Pop3_AccessTokenRevokedBeforeExpiry_LoginRefusedThenNextPollGetsANewToken()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "okill");
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(1));
        using var state = new TempDirectory("cc-oauth-pop");
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Pop3(fixture.Dovecot, user, state.Combine("pop.json"), options, cache, logger);
        (await cache.GetAsync(CancellationToken.None)).Should().NotBeNull();
        fixture.Tokens.Revoke(fixture.Tokens.Issued.Single(t => t.ClientId == client.ClientId).Token);

        var refused = async () => await source.PollAllAsync(acknowledge: true);
        (await refused.Should().ThrowAsync<AuthenticationException>()).Which.Message
            .Should().Contain("with an OAuth2 token (XOAUTH2) was refused");
        await Task.Delay(10);
        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().ContainSingle();
        fixture.Tokens.Issued.Count(t => t.ClientId == client.ClientId).Should().Be(2);
        logger.Has(2762).Should().BeTrue();
    }

    [Fact]
    public async Task Pop3_TokenExpiresDuringALongPoll_EachNewSessionLogsInWithAValidToken()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "olong");
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(3));
        using var state = new TempDirectory("cc-oauth-pop");
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Pop3(fixture.Dovecot, user, state.Combine("pop.json"), options, cache, logger, batchSize: 1);
        fixture.Tokens.TokenLifetime = TimeSpan.FromSeconds(2);
        try
        {
            // One message per batch, one session for the poll: once its token has expired, the next step QUITs it (committing
            // the deletions flagged so far) and logs in anew with a fresh token.
            var fetched = new List<InboundItem>();
            await foreach (var batch in source.PollAsync(CancellationToken.None))
            {
                fetched.AddRange(batch.Items);
                await Task.Delay(TimeSpan.FromSeconds(1.6));
                await source.AcknowledgeAsync(batch.Items, CancellationToken.None);
            }

            fetched.Should().HaveCount(3, "the poll outlived its first token and went on");
            (await fixture.Dovecot.CountAsync(user)).Should().Be(0);
            fixture.Tokens.Issued.Count(t => t.ClientId == client.ClientId).Should().BeGreaterThanOrEqualTo(2);
            fixture.Tokens.ExpiredIntrospections.Should().Be(0, "no session logged in with a token past its expiry");
        }
        finally
        {
            fixture.Tokens.TokenLifetime = TimeSpan.FromHours(1);
        }
    }
}
