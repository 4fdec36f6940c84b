using ContactCenter.Core.Statistics;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Workers.Statistics;

namespace ContactCenter.Workers.Tests.Statistics;

public sealed class StatisticsPageWriterTests
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    [Fact]
    public async Task Write_KnownTickets_RendersFiguresInChromiumWithoutPersonalData()
    {
        using var folder = new TempDirectory();
        var now = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);
        var tickets = Enumerable.Range(0, 7).Select(i => new Ticket
        {
            Channel = i % 2 == 0 ? ChannelKind.Email : ChannelKind.Fax,
            ReceivedAt = new DateTimeOffset(2026, 1 + (i % 3), 5, 10, 0, 0, TimeSpan.Zero),
            DueAt = new DateTimeOffset(2026, 1 + (i % 3), 12, 10, 0, 0, TimeSpan.Zero),
            Status = i < 4 ? TicketStatus.Closed : TicketStatus.Open,
            ClosedAt = i < 4 ? new DateTimeOffset(2026, 1 + (i % 3), i < 3 ? 8 : 20, 10, 0, 0, TimeSpan.Zero) : null,
            Sender = new Party { DisplayName = "Giuseppina Verdi", Email = "g.verdi@example.it", PostalAddress = "Via Roma 1, 00100 Roma" },
            Subject = "Danni alla mia casa di via Garibaldi",
            TextBody = "Testo riservato della richiesta",
            Classification = new Classification { Category = "rischio sismico" },
        }).ToList();
        var stats = StatisticsCalculator.Compute(tickets, null, null, now, Rome) with { Spam = 5 };

        var path = await StatisticsPageWriter.WriteAsync(stats, folder.Path, "Statistiche del contact center", Rome, CancellationToken.None);

        var html = await File.ReadAllTextAsync(path);
        foreach (var secret in new[] { "Giuseppina", "Verdi", "g.verdi", "Via Roma", "Garibaldi", "riservato" })
        {
            html.Should().NotContain(secret);
        }

        (await File.ReadAllBytesAsync(path)).Take(3).Should().NotEqual(new byte[] { 0xEF, 0xBB, 0xBF }, "no byte order mark before the doctype");
        html.Should().StartWith("<!DOCTYPE html>");
        // 09:00 UTC on 1 April is 11:00 in Rome (summer time), and the page says which clock it means.
        html.Should().Contain("aggiornati al <time datetime=\"2026-04-01T11:00:00+02:00\">1 aprile 2026 11:00 (ora di Roma, CEST)</time>");
        html.Should().NotContain("<script").And.NotContain("http://").And.NotContain("https://").And.NotContain("@import");
        var dom = await HeadlessChromium.DumpDomAsync(new Uri(path).AbsoluteUri);
        dom.Should().Contain("<dd id=\"ricevute\">7</dd>").And.Contain("<dd id=\"evase\">4</dd>").And.Contain("<dd id=\"aperte\">3</dd>");
        dom.Should().Contain("<dd id=\"spam\">5</dd>", "spam is shown apart, not among the requests");
        dom.Should().Contain("<dd id=\"nei-tempi\">75%</dd>");
        dom.Should().Contain("<th scope=\"row\">fax</th><td>3</td>");
        dom.Should().Contain("<h2 id=\"mesi\">Richieste per mese</h2>").And.Contain("<th scope=\"row\">febbraio 2026</th><td>2</td>");

        var png = Path.Combine(folder.Path, "page.png");
        await HeadlessChromium.ScreenshotAsync(new Uri(path).AbsoluteUri, png);
        new FileInfo(png).Length.Should().BeGreaterThan(10_000);
        (await File.ReadAllBytesAsync(png)).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
    }
}
