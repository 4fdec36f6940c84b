using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using MimeKit;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxSenderDeliveryTests
{
    [Fact]
    public async Task SendDue_NewTicket_DeliversItalianReceiptThreadedAndMarkedAutoReplied()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync(messageId: "<citizen-42@mail.example.org>", references: "<earlier-1@mail.example.org>");
        var row = (await harness.PendingRowsAsync()).Single();

        var sent = await harness.NewSender().SendDueAsync(CancellationToken.None);

        sent.Should().Be(1);
        var received = (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle().Subject;
        var message = received.Message;
        received.EnvelopeTo.Should().Equal("mario.rossi@example.org");
        received.EnvelopeFrom.Should().Be("contactcenter@protezionecivile.example.it");
        message.Headers["Auto-Submitted"].Should().Be("auto-replied");
        message.Headers["X-Auto-Response-Suppress"].Should().Be("All");
        message.InReplyTo.Should().Be("citizen-42@mail.example.org");
        message.References.Should().Equal("earlier-1@mail.example.org", "citizen-42@mail.example.org");
        message.Subject.Should().Be($"[{ticket.Number}] Presa in carico: Richiesta informazioni sul piano di emergenza comunale");
        message.From.Mailboxes.Single().Name.Should().Be("Contact Center Protezione Civile");
        message.To.Mailboxes.Single().Should().Be(new MailboxAddress("Mario Rossi", "mario.rossi@example.org"));
        message.Date.Should().Be(ReceiptHarness.Start);
        message.Date.Offset.Should().Be(TimeSpan.FromHours(1), "the Date header is written in Rome time");
        message.MessageId.Should().EndWith("@protezionecivile.example.it");

        message.TextBody.Should().Contain($"la sua richiesta è stata presa in carico con il numero {ticket.Number}")
            .And.Contain("venerdì 11 dicembre 2026")
            .And.Contain("martedì 1 dicembre 2026 alle ore 10:25")
            .And.Contain("dal lunedì al venerdì, dalle 9:00 alle 18:00")
            .And.Contain("primo livello")
            .And.Contain($"mantenendo il numero {ticket.Number}");
        message.HtmlBody.Should().Contain($"<strong>{ticket.Number}</strong>").And.Contain("venerdì 11 dicembre 2026");

        row.MessageId.Should().BeNull("the Message-ID is given by the sender, before its first attempt");
        (await harness.Store.CountOutboxAsync(pendingOnly: true, CancellationToken.None)).Should().Be(0);
        var stored = await harness.Store.GetAsync(ticket.Number, CancellationToken.None);
        stored!.ReceiptSentAt.Should().Be(ReceiptHarness.Start);
        stored.History.Should().Contain(e => e.Kind == TicketEventKind.ReceiptSent && e.Detail.Contains(message.MessageId));
    }

    [Fact]
    public async Task SendDue_SubjectWithMarkup_IsEscapedInHtmlAndKeptInText()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        const string subject = "Allerta <script>alert('x')</script> & \"frana\"";
        await harness.OpenTicketAsync(subject: subject + "\r\nBcc: victim@example.org");

        await harness.NewSender().SendDueAsync(CancellationToken.None);

        var message = (await harness.Smtp.WaitForMessagesAsync(1)).Single().Message;
        message.HtmlBody.Should().Contain("Allerta &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;frana&quot;")
            .And.NotContain("<script>");
        message.TextBody.Should().Contain("Oggetto: " + subject + " Bcc: victim@example.org");
        message.Bcc.Count.Should().Be(0, "a line break in the citizen's subject must not become a header");
        message.Subject.Should().EndWith(subject + " Bcc: victim@example.org");
    }

    [Fact]
    public async Task SendDue_EmergencyMode_UsesShorterEmergencyTemplate()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync(mode: ServiceMode.Emergency);

        await harness.NewSender().SendDueAsync(CancellationToken.None);

        var message = (await harness.Smtp.WaitForMessagesAsync(1)).Single().Message;
        message.TextBody.Should().Contain("modalità di EMERGENZA").And.Contain("24 ore su 24, 7 giorni su 7")
            .And.Contain(ticket.Number).And.Contain("112").And.NotContain("dal lunedì al venerdì");
        message.HtmlBody.Should().Contain("modalità di emergenza");
    }

    [Fact]
    public async Task SendDue_SecondRunWithNothingDue_SendsNothingMore()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync();
        var sender = harness.NewSender();

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);

        (await harness.Smtp.WaitForMessagesAsync(1)).Should().HaveCount(1);
    }
}
