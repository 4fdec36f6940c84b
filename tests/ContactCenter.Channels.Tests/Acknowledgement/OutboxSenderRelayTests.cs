using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Smtp;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class OutboxSenderRelayTests
{
    [Fact]
    public async Task SendDue_RelayRequiresLogin_WrongPasswordKeptOutOfErrorsThenPasswordFileWorks()
    {
        await using var harness = await ReceiptHarness.StartAsync(
            await SmtpTestServer.StartNewAsync(credentials: ("contactcenter", "Giusta-2026!")));
        harness.SmtpOptions.User = "contactcenter";
        harness.SmtpOptions.Password = "Sbagliata-123";
        await harness.OpenTicketAsync();

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(0);
        var row = (await harness.PendingRowsAsync()).Single();
        row.LastError.Should().StartWith("AuthenticationException").And.NotContain("Sbagliata-123");

        var passwordFile = harness.Data.Combine("smtp-password");
        await File.WriteAllTextAsync(passwordFile, "Giusta-2026!\n");
        harness.SmtpOptions.PasswordFile = passwordFile;
        harness.Time.Advance(TimeSpan.FromMinutes(1));

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);
        (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle();
    }

    [Fact]
    public async Task SendDue_RecipientRefusedPermanently_AbandonsThatReceiptAndSendsTheNext()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        harness.Smtp.RejectedRecipients["inesistente@example.org"] = true;
        var refused = await harness.OpenTicketAsync(to: "inesistente@example.org", messageId: "a@example.org");
        var accepted = await harness.OpenTicketAsync(to: "anna.bianchi@example.org", messageId: "b@example.org");

        (await harness.NewSender().SendDueAsync(CancellationToken.None)).Should().Be(1);

        (await harness.Smtp.WaitForMessagesAsync(1)).Should().ContainSingle()
            .Which.EnvelopeTo.Should().Equal("anna.bianchi@example.org");
        (await harness.PendingRowsAsync()).Should().BeEmpty("a 5xx for the recipient is not retried");
        var history = (await harness.Store.GetAsync(refused.Number, CancellationToken.None))!.History;
        history.Should().Contain(e => e.Kind == TicketEventKind.ReceiptSuppressed && e.Detail.Contains("SMTP 550"));
        (await harness.Store.GetAsync(accepted.Number, CancellationToken.None))!.ReceiptSentAt.Should().NotBeNull();
    }

    [Fact]
    public async Task SendDue_OverlappingRuns_SendEachReceiptOnce()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            await harness.OpenTicketAsync(messageId: $"m{i}@example.org", to: $"persona{i}@example.org");
        }

        var sender = harness.NewSender();
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => sender.SendDueAsync(CancellationToken.None))));

        runs.Sum().Should().Be(10);
        (await harness.Smtp.WaitForMessagesAsync(10)).Should().HaveCount(10);
        await Task.Delay(200);
        harness.Smtp.Messages.Should().HaveCount(10);
    }
}
