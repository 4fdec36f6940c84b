using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Smtp;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxSenderOutageTests
{
    [Fact]
    public async Task SendDue_SmtpServerDown_KeepsReceiptAndSendsItOnceWhenServerIsBack()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync();
        await harness.Smtp.StopAsync();
        var sender = harness.NewSender();

        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);

        var row = (await harness.PendingRowsAsync()).Single();
        row.Attempts.Should().Be(1);
        row.LastError.Should().NotBeNullOrEmpty();
        row.NextAttemptAt.Should().Be(ReceiptHarness.Start + TimeSpan.FromSeconds(30));
        row.MessageId.Should().NotBeNull("the Message-ID is stored before the first attempt");

        // Not due yet: nothing is tried, even with the server back.
        await harness.Smtp.StartAsync();
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);
        harness.Smtp.Messages.Should().BeEmpty();

        harness.Time.Advance(TimeSpan.FromSeconds(30));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(1);
        harness.Time.Advance(TimeSpan.FromHours(1));
        (await sender.SendDueAsync(CancellationToken.None)).Should().Be(0);

        var received = await harness.Smtp.WaitForMessagesAsync(1);
        received.Should().ContainSingle().Which.Message.MessageId.Should().Be(row.MessageId);
        received.Single().Message.Subject.Should().Contain(ticket.Number);
        (await harness.PendingRowsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SendDue_ServerKeepsFailing_BacksOffExponentiallyUpToMax()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync();
        await harness.Smtp.StopAsync();
        var sender = harness.NewSender();
        var waits = new List<TimeSpan>();

        for (var i = 0; i < 9; i++)
        {
            var before = harness.Time.GetUtcNow();
            await sender.SendDueAsync(CancellationToken.None);
            var row = (await harness.PendingRowsAsync()).Single();
            waits.Add(row.NextAttemptAt - before);
            harness.Time.SetUtcNow(row.NextAttemptAt);
        }

        waits.Select(w => w.TotalSeconds).Should().Equal(30, 60, 120, 240, 480, 960, 1800, 1800, 1800);
    }

    [Fact]
    public async Task SendDue_MaxAttemptsReached_AbandonsReceiptWithReasonInHistory()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        harness.Options.MaxAttempts = 3;
        var ticket = await harness.OpenTicketAsync();
        harness.Smtp.Mode = SmtpTestServerMode.TemporaryFailure;
        var sender = harness.NewSender();

        for (var i = 0; i < 5; i++)
        {
            await sender.SendDueAsync(CancellationToken.None);
            harness.Time.Advance(TimeSpan.FromHours(1));
        }

        (await harness.PendingRowsAsync()).Should().BeEmpty("an abandoned receipt is never due again");
        (await harness.Store.CountOutboxAsync(pendingOnly: false, CancellationToken.None)).Should().Be(1, "nothing is deleted");
        var stored = await harness.Store.GetAsync(ticket.Number, CancellationToken.None);
        stored!.History.Should().ContainSingle(e => e.Kind == TicketEventKind.ReceiptSuppressed)
            .Which.Detail.Should().Contain("non inviata dopo 3 tentativi").And.Contain("451");
        stored.ReceiptSentAt.Should().BeNull();
        harness.Smtp.Messages.Should().BeEmpty();
    }

    [Fact]
    public async Task SendDue_SelfSignedCertificate_RefusedUnlessExplicitlyAccepted()
    {
        using var certificate = TestCertificates.CreateSelfSigned("localhost");
        await using var harness = await ReceiptHarness.StartAsync(await SmtpTestServer.StartNewAsync(certificate));
        harness.SmtpOptions.Security = Channels.Acknowledgement.SmtpSecurity.StartTls;
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);
        (await harness.PendingRowsAsync()).Single().LastError.Should().Contain("certificate");

        harness.SmtpOptions.AcceptInvalidCertificates = true;
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle();
    }

    [Fact]
    public async Task SendDue_TemplateFileMissing_KeepsReceiptUntilTheFileIsBack()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var template = harness.Data.Combine("ricevuta.txt");
        harness.Options.TemplateText = template;
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);
        (await harness.PendingRowsAsync()).Single().LastError.Should().StartWith("FileNotFoundException");

        await File.WriteAllTextAsync(template, "Presa in carico {{TicketNumber}}");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await harness.Smtp.WaitForMessagesAsync(1)).Single().Message.TextBody.Should().StartWith("Presa in carico PC-");
    }
}
