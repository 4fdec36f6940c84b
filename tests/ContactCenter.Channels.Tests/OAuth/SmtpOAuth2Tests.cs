using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Channels.OAuth;
using ContactCenter.Channels.Tests.Acknowledgement;
using ContactCenter.Testing.OAuth;
using ContactCenter.Testing.Smtp;

namespace ContactCenter.Channels.Tests.OAuth;

/// <summary>Receipts through the test SMTP server when it takes only AUTH XOAUTH2 with a token the token server vouches for.</summary>
[Collection(DovecotOAuth2Fixture.Collection)]
public sealed class SmtpOAuth2Tests(DovecotOAuth2Fixture fixture)
{
    private const string Mailbox = "contactcenter@protezionecivile.example.it";

    [Fact]
    public async Task SendDue_RelayTakesXoauth2_ReceiptDelivered()
    {
        await using var harness = await ReceiptHarness.StartAsync(await SmtpTestServer.StartWithXoauth2Async(fixture.Tokens.IsActive));
        var client = Configure(harness, "smtp-ok");
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);

        (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle().Which.EnvelopeTo.Should().Equal("mario.rossi@example.org");
        fixture.Tokens.Issued.Should().ContainSingle(t => t.ClientId == client.ClientId);
    }

    [Fact]
    public async Task SendDue_ConsentRevoked_ReceiptWaitsWithTheReasonAndNoRelayLogin()
    {
        await using var harness = await ReceiptHarness.StartAsync(await SmtpTestServer.StartWithXoauth2Async(fixture.Tokens.IsActive));
        var client = Configure(harness, "smtp-revoked");
        client.ConsentRevoked = true;
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);

        var row = (await harness.PendingRowsAsync()).Single();
        row.LastError.Should().Contain("OAuth2: consent revoked").And.NotContain(client.Secret!);
        harness.Smtp.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task SendDue_TokenNotFromTheProvider_RelayRefusesIt()
    {
        await using var harness = await ReceiptHarness.StartAsync(await SmtpTestServer.StartWithXoauth2Async((_, _) => false));
        Configure(harness, "smtp-refused");
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);

        (await harness.PendingRowsAsync()).Single().LastError.Should().Contain("SMTP login as").And.Contain("OAuth2 token was refused");
    }

    private TokenClient Configure(ReceiptHarness harness, string clientId)
    {
        var client = fixture.Tokens.AddClient(clientId + "-" + Guid.NewGuid().ToString("N")[..6], Mailbox, secret: "relay-secret");
        harness.SmtpOptions.User = Mailbox;
        harness.SmtpOptions.Auth = MailAuthentication.OAuth2;
        harness.SmtpOptions.OAuth2 = OAuth2TestSetup.Generic(fixture.Tokens, client.ClientId, "relay-secret");
        return client;
    }
}
