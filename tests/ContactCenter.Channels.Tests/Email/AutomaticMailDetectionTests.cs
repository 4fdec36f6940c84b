using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

public sealed class AutomaticMailDetectionTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", AutomaticMailKind.AutoReply, "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated; owner-email=\"x@example.it\"", AutomaticMailKind.AutoReply, "Auto-Submitted: auto-generated")]
    [InlineData("X-Autoreply: yes", AutomaticMailKind.AutoReply, "X-Autoreply: yes")]
    [InlineData("X-Autorespond: Fuori ufficio", AutomaticMailKind.AutoReply, "X-Autorespond")]
    [InlineData("X-Auto-Response-Suppress: All", AutomaticMailKind.AutoReply, "X-Auto-Response-Suppress: All")]
    [InlineData("Precedence: bulk", AutomaticMailKind.MailingList, "Precedence: bulk")]
    [InlineData("Precedence: junk", AutomaticMailKind.MailingList, "Precedence: junk")]
    [InlineData("Precedence: list", AutomaticMailKind.MailingList, "Precedence: list")]
    [InlineData("List-Id: Notizie meteo <meteo.lists.example.it>", AutomaticMailKind.MailingList, "List-Id")]
    [InlineData("List-Unsubscribe: <mailto:unsubscribe@lists.example.it>", AutomaticMailKind.MailingList, "List-Unsubscribe")]
    [InlineData("Return-Path: <>", AutomaticMailKind.Bounce, "Return-Path: <>")]
    public async Task Normalize_AutomaticHeader_MarksTheMailAndSuppressesReply(string header, AutomaticMailKind kind, string reason)
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple("Sono fuori ufficio fino al 30.", header));

        draft.AutomaticMail.Should().Be(kind);
        draft.AutomaticMailReason.Should().Contain(reason);
        draft.ReplyAddress.Should().BeNull();
        draft.Sender.Email.Should().Be("mario.rossi@example.it");
    }

    [Theory]
    [InlineData("Mail Delivery Subsystem <MAILER-DAEMON@mx.example.it>")]
    [InlineData("postmaster@example.it")]
    [InlineData("MAILER-DAEMON")]
    public async Task Normalize_FromMailSystem_IsBounce(string from)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + from, "Subject: Undelivered Mail", "", "Delivery failed."));

        draft.AutomaticMail.Should().Be(AutomaticMailKind.Bounce);
        draft.AutomaticMailReason.Should().StartWith("From: ");
        draft.ReplyAddress.Should().BeNull();
    }

    [Theory]
    [InlineData("delivery-status", AutomaticMailKind.Bounce)]
    [InlineData("disposition-notification", AutomaticMailKind.AutoReply)]
    public async Task Normalize_MultipartReport_IsBounceOrReceipt(string reportType, AutomaticMailKind kind)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: Sistema <sistema@example.it>",
            "Subject: Notifica",
            "MIME-Version: 1.0",
            $"Content-Type: multipart/report; report-type={reportType}; boundary=\"rep\"",
            "",
            "--rep",
            "Content-Type: text/plain",
            "",
            "Il messaggio non è stato recapitato.",
            "--rep",
            $"Content-Type: message/{reportType}",
            "",
            "Reporting-MTA: dns; mx.example.it",
            "--rep--"));

        draft.AutomaticMail.Should().Be(kind);
        draft.AutomaticMailReason.Should().Be($"multipart/report; report-type={reportType}");
        draft.TextBody.Should().Contain("non è stato recapitato");
    }

    [Theory]
    [InlineData("urp@comune.example.it")]
    [InlineData("URP@Comune.Example.IT")]
    [InlineData("qualcuno@protezionecivile.example.it")]
    [InlineData("sala.operativa@regione.protezionecivile.example.it")]
    public async Task Normalize_FromOwnAddress_IsOwnAddress(string from)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + from, "Subject: nota interna", "", "testo"));

        draft.AutomaticMail.Should().Be(AutomaticMailKind.OwnAddress);
        draft.AutomaticMailReason.Should().Contain(from);
        draft.ReplyAddress.Should().BeNull();
    }

    [Theory]
    [InlineData("altro@comune.example.it")]
    [InlineData("x@notprotezionecivile.example.it")]
    public async Task Normalize_FromLookalikeOfOwnAddress_IsCitizenMail(string from)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + from, "Subject: richiesta", "", "testo"));

        draft.AutomaticMail.Should().Be(AutomaticMailKind.None);
        draft.ReplyAddress.Should().Be(from);
    }

    [Theory]
    [InlineData("Auto-Submitted: no")]
    [InlineData("Precedence: first-class")]
    [InlineData("X-Mailer: Microsoft Outlook 16.0")]
    public async Task Normalize_HumanMail_IsNotAutomatic(string header)
    {
        var draft = await harness.NormalizeAsync(RawMail.Simple("Buongiorno, chiedo informazioni.", header));

        draft.AutomaticMail.Should().Be(AutomaticMailKind.None);
        draft.AutomaticMailReason.Should().BeNull();
        draft.ReplyAddress.Should().Be("mario.rossi@example.it");
    }

    [Fact]
    public async Task Normalize_BounceFromOwnMailer_IsBounceNotOwnAddress()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: MAILER-DAEMON@protezionecivile.example.it", "Subject: Undelivered", "", "x"));

        draft.AutomaticMail.Should().Be(AutomaticMailKind.Bounce);
    }

    public void Dispose() => harness.Dispose();
}
