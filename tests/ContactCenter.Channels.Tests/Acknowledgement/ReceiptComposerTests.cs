using ContactCenter.Channels.Acknowledgement;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Tests.Acknowledgement;

public sealed class ReceiptComposerTests
{
    [Fact]
    public async Task Compose_TicketWithoutMessageId_StillMarkedAutoRepliedWithoutThreading()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        await harness.OpenTicketAsync(messageId: "", subject: "   ");
        var row = (await harness.PendingRowsAsync()).Single();
        row.MessageId = "fixed-id@protezionecivile.example.it";

        var message = await Composer(harness).ComposeAsync(row, CancellationToken.None);

        message!.Headers["Auto-Submitted"].Should().Be("auto-replied");
        message.InReplyTo.Should().BeNull();
        message.References.Should().BeEmpty();
        message.MessageId.Should().Be("fixed-id@protezionecivile.example.it");
        message.Subject.Should().EndWith("Presa in carico: (senza oggetto)");
    }

    [Fact]
    public async Task Compose_ModeSwitchedAfterTheTicketWasPlanned_ReceiptSpeaksOfTheModeItsDueDateCameFrom()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ordinary = harness.Data.Combine("ordinaria.txt");
        var emergency = harness.Data.Combine("emergenza.txt");
        await File.WriteAllTextAsync(ordinary, "Ordinaria: {{ServiceHours}}");
        await File.WriteAllTextAsync(emergency, "EMERGENZA: {{ServiceHours}}");
        (harness.Options.TemplateText, harness.Options.EmergencyTemplateText, harness.Options.TemplateHtml, harness.Options.EmergencyTemplateHtml) =
            (ordinary, emergency, null, null);
        await harness.OpenTicketAsync(); // planned in ordinary mode
        await harness.Store.SetModeAsync(ServiceMode.Emergency, "test", CancellationToken.None);
        var row = (await harness.PendingRowsAsync()).Single();
        row.MessageId = "id@protezionecivile.example.it";

        var message = await Composer(harness).ComposeAsync(row, CancellationToken.None);

        message!.TextBody.Should().Be($"Ordinaria: {harness.Options.ServiceHours}", "the 7-day due date it states was planned in ordinary mode");
    }

    [Fact]
    public void Placeholders_SameDayAnswerStoredAsMidnight_NameThatDay()
    {
        var rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");
        var ticket = new Ticket
        {
            Number = "PC-2026-000001", Subject = "Alluvione", Classification = new Classification(),
            ReceivedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(1)),
            DueAt = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(1)), // by the end of Tuesday 1 December
        };

        var values = ReceiptPlaceholders.For(ticket, ServiceMode.Emergency, new ContactCenter.Core.Receipts.ReceiptOptions(), rome);

        values["DueDate"].Should().Be("martedì 1 dicembre 2026");
    }

    [Fact]
    public async Task Compose_TemplateFileEdited_UsesNewTextWithoutRestart()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var template = harness.Data.Combine("ricevuta.txt");
        await File.WriteAllTextAsync(template, "Numero {{TicketNumber}}, livello {{Level}}, {{Sconosciuto}}");
        harness.Options.TemplateText = template;
        harness.Options.TemplateHtml = null;
        var ticket = await harness.OpenTicketAsync();
        var row = (await harness.PendingRowsAsync()).Single();
        row.MessageId = "id@protezionecivile.example.it";
        var composer = Composer(harness);

        var first = await composer.ComposeAsync(row, CancellationToken.None);
        await File.WriteAllTextAsync(template, "Pratica {{TicketNumber}} aggiornata");
        File.SetLastWriteTimeUtc(template, DateTime.UtcNow.AddMinutes(1));
        var second = await composer.ComposeAsync(row, CancellationToken.None);

        first!.TextBody.Should().Be($"Numero {ticket.Number}, livello primo livello, {{{{Sconosciuto}}}}");
        first.HtmlBody.Should().BeNull("no HTML template is configured");
        second!.TextBody.Should().Be($"Pratica {ticket.Number} aggiornata");
    }

    [Fact]
    public async Task Compose_OnlineFormEnabled_TextAndHtmlCarryTheTrackingLink_NoneWithout()
    {
        await using var harness = await ReceiptHarness.StartAsync();
        var ticket = await harness.OpenTicketAsync();
        var row = (await harness.PendingRowsAsync()).Single();
        row.MessageId = "id@protezionecivile.example.it";
        var link = $"https://www.example.it/modulo/segui/{ticket.Number}?t=a&b\"c";

        var with = await new ReceiptComposer(Options.Create(harness.Options), harness.Store, harness.Time, new TemplateFileCache(), new FixedLinks(link))
            .ComposeAsync(row, CancellationToken.None);
        var without = await Composer(harness).ComposeAsync(row, CancellationToken.None);

        with!.TextBody.Should().Contain($"Può seguire lo stato della richiesta a questo indirizzo:\n{link}\n");
        with.HtmlBody.Should().Contain($"<a href=\"https://www.example.it/modulo/segui/{ticket.Number}?t=a&amp;b&quot;c\">a questo indirizzo</a>");
        without!.TextBody.Should().NotContain("seguire lo stato").And.NotContain("{{");
        without.HtmlBody.Should().NotContain("seguire lo stato").And.NotContain("{{");
    }

    [Fact]
    public void HtmlEncode_CitizenText_EscapesMarkupKeepsAccents()
    {
        TemplateRenderer.HtmlEncode("Città <b>\"Sàn\" & 'Pò'</b>")
            .Should().Be("Città &lt;b&gt;&quot;Sàn&quot; &amp; &#39;Pò&#39;&lt;/b&gt;");
    }

    private sealed class FixedLinks(string link) : Core.Tracking.ITrackingLinks
    {
        public string? LinkFor(string ticketNumber) => link;
    }

    private static ReceiptComposer Composer(ReceiptHarness harness) =>
        new(Options.Create(harness.Options), harness.Store, harness.Time, new TemplateFileCache());
}
