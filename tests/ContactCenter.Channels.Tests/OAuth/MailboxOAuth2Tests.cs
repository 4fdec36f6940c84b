using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using ContactCenter.Testing.OAuth;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>IMAP and POP3 over XOAUTH2 against a real Dovecot whose oauth2 passdb introspects every token at the test token server.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class MailboxOAuth2Tests(DovecotOAuth2Fixture fixture)
{
    [Fact]
    public async Task Imap_Xoauth2ClientCredentials_FetchesAndMovesMessages()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "oimap");
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(3));
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger);

        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().HaveCount(3);
        (await fixture.Dovecot.CountAsync(user)).Should().Be(0);
        (await fixture.Dovecot.CountAsync(user, "Processed")).Should().Be(3);
        fixture.Tokens.Issued.Where(t => t.ClientId == client.ClientId).Should().ContainSingle("one token serves the whole poll");
        fixture.Dovecot.ReadLog().Should().MatchRegex($@"imap-login: Info: Login: user=<{user}>, method=XOAUTH2");
        cache.Status.TokenExpiresAt.Should().BeAfter(DateTimeOffset.UtcNow.AddMinutes(50));
        logger.Entries.Should().NotContain(e => e.Message.Contains(client.Secret!) || e.Message.Contains("at-"), "no secret or token is logged");
    }

    [Fact]
    public async Task Pop3_Xoauth2RefreshTokenRotated_FetchesAndDeletes()
    {
        var user = fixture.Dovecot.CreateUser("opop");
        var client = fixture.Tokens.AddClient($"app-{user}", user, secret: "pop-secret");
        var options = OAuth2TestSetup.Generic(fixture.Tokens, client.ClientId, "pop-secret");
        options.Grant = OAuth2Grant.RefreshToken;
        options.RefreshToken = fixture.Tokens.IssueRefreshToken(client.ClientId, user);
        await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(2));
        using var state = new TempDirectory("cc-oauth-pop");
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Pop3(fixture.Dovecot, user, state.Combine("pop.json"), options, cache, logger);

        var items = (await source.PollAllAsync(acknowledge: true)).Items();

        items.Should().HaveCount(2);
        (await fixture.Dovecot.CountAsync(user)).Should().Be(0, "deleted after the batch was acknowledged");
        fixture.Dovecot.ReadLog().Should().MatchRegex($@"pop3-login: Info: Login: user=<{user}>, method=XOAUTH2");
        fixture.Tokens.Issued.Where(t => t.ClientId == client.ClientId).Should().OnlyContain(t => t.GrantType == "refresh_token");
    }

    [Fact]
    public async Task Imap_TokenExpiredSinceLastPoll_LogsInAgainWithAFreshToken()
    {
        var (user, client, options) = OAuth2TestSetup.NewMailbox(fixture, "oexp");
        client.ClientId.Should().NotBeNull();
        var lifetime = TimeSpan.FromSeconds(3);
        var logger = new RecordingLogger();
        var cache = OAuth2TestSetup.Cache(fixture.Tokens, options, user, logger);
        await using var source = OAuth2TestSetup.Imap(fixture.Dovecot, user, options, cache, logger);
        fixture.Tokens.TokenLifetime = lifetime;
        try
        {
            await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(1));
            (await source.PollAllAsync(acknowledge: true)).Items().Should().HaveCount(1);
            var first = cache.Status.TokenExpiresAt!.Value;

            await Task.Delay(first - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));
            await fixture.Dovecot.AppendManyAsync(user, TestMail.Many(1, "Seconda"));
            var second = (await source.PollAllAsync(acknowledge: true)).Items();

            second.Should().ContainSingle();
            cache.Status.TokenExpiresAt.Should().BeAfter(first);
            fixture.Tokens.Issued.Count(t => t.ClientId == client.ClientId).Should().Be(2);
            logger.Has(2764).Should().BeTrue("the session of the expired token is replaced before the server ends it");
            fixture.Tokens.ExpiredIntrospections.Should().Be(0, "an expired token is never offered to the server");
        }
        finally
        {
            fixture.Tokens.TokenLifetime = TimeSpan.FromHours(1);
        }
    }
}
