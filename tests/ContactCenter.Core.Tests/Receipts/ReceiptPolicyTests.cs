using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Receipts;

public sealed class ReceiptPolicyTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Decide_CitizenEmail_SendsToReplyAddress()
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        var decision = await harness.DecideAsync(harness.Draft("Mario.Rossi@Example.ORG"));

        decision.To.Should().Be("Mario.Rossi@example.org");
        decision.SuppressedReason.Should().BeNull();
    }

    [Theory]
    [InlineData(AutomaticMailKind.AutoReply, "risposta automatica")]
    [InlineData(AutomaticMailKind.Bounce, "mancato recapito")]
    [InlineData(AutomaticMailKind.MailingList, "lista di distribuzione")]
    [InlineData(AutomaticMailKind.OwnAddress, "nostro indirizzo")]
    public async Task Decide_AutomaticMail_Suppressed(AutomaticMailKind kind, string reason)
    {
        using var harness = new ReceiptPolicyHarness(Noon);
        var draft = harness.Draft(automatic: kind);
        draft.AutomaticMailReason = "Auto-Submitted: auto-replied";

        var decision = await harness.DecideAsync(draft);

        decision.To.Should().BeNull();
        decision.SuppressedReason.Should().Contain(reason).And.Contain("Auto-Submitted: auto-replied");
    }

    [Theory]
    [InlineData("noreply@comune.example.it")]
    [InlineData("No-Reply@comune.example.it")]
    [InlineData("do_not_reply@banca.example.com")]
    [InlineData("DoNotReply@banca.example.com")]
    [InlineData("MAILER-DAEMON@mx.example.org")]
    [InlineData("postmaster@example.org")]
    [InlineData("bounces+12345@lists.example.org")]
    public async Task Decide_NoReplyAddress_Suppressed(string address)
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        var decision = await harness.DecideAsync(harness.Draft(address));

        decision.SuppressedReason.Should().Contain("no-reply");
    }

    [Fact]
    public async Task Decide_ExtraNoReplyPatternFromConfig_Suppressed()
    {
        using var harness = new ReceiptPolicyHarness(Noon, o => o.NoReplyPatterns.Add("notifiche"));

        (await harness.DecideAsync(harness.Draft("notifiche.sistema@ente.example.it"))).To.Should().BeNull();
        (await harness.DecideAsync(harness.Draft("noreply@ente.example.it"))).To.Should().BeNull("the built-in patterns stay");
    }

    [Theory]
    [InlineData("contactcenter@protezionecivile.example.it")]
    [InlineData("URP@protezionecivile.example.it")]
    [InlineData("sala.operativa@regione.example.it")]
    [InlineData("utente@uffici.regione.example.it")]
    public async Task Decide_OwnAddressOrDomain_Suppressed(string address)
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        var decision = await harness.DecideAsync(harness.Draft(address));

        decision.SuppressedReason.Should().Contain("nostri");
    }

    [Fact]
    public async Task Decide_SimilarButForeignDomain_Sends()
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        (await harness.DecideAsync(harness.Draft("utente@altraregione.example.it"))).To.Should().NotBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public async Task Decide_NoReplyAddressAtAll_Suppressed(string? address)
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        (await harness.DecideAsync(harness.Draft(address))).SuppressedReason.Should().Contain("nessun indirizzo");
    }

    [Theory]
    [InlineData("mario rossi@example.org")]
    [InlineData("mario@example.org\r\nBcc: x@example.org")]
    [InlineData("a@b@")]
    public async Task Decide_MalformedAddress_Suppressed(string address)
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        (await harness.DecideAsync(harness.Draft(address))).SuppressedReason.Should().Contain("non valido");
    }

    [Fact]
    public async Task Decide_BacklogOlderThanMaxAge_Suppressed()
    {
        using var harness = new ReceiptPolicyHarness(Noon);

        (await harness.DecideAsync(harness.Draft(age: TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1)))).To.Should().NotBeNull();
        var old = await harness.DecideAsync(harness.Draft(age: TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1)));

        old.SuppressedReason.Should().Contain("più di 2 giorni").And.Contain("arretrati");
    }

    [Fact]
    public async Task Decide_ReceiptsDisabled_Suppressed()
    {
        using var harness = new ReceiptPolicyHarness(Noon, o => o.Enabled = false);

        (await harness.DecideAsync(harness.Draft())).SuppressedReason.Should().Contain("disattivate");
    }
}
