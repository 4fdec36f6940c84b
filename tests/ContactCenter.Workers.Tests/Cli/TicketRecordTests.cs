using System.Text;
using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// What the README promises a ticket records (channel metadata, the channel counted in the statistics), read back the
/// way a backoffice reads it: through <c>tickets show --json</c> and <c>stats --json</c>, never the store's objects.
/// </summary>
public sealed class TicketRecordTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-record");
    private readonly string rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TicketsShowJson_PecFaxAndMail_KeepWhatTheChannelRecorded_AndStatsCountPecConsistently()
    {
        var pec = Directory.CreateDirectory(folder.Combine("pec")).FullName;
        var certified = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "pec", "01-segnalazione-comune.eml"));
        File.WriteAllText(Path.Combine(pec, "certificata.eml"), certified);
        // The same citizen's kind of mail wrapped by the provider as "anomalia", and one delivered bare: neither is certified.
        File.WriteAllText(Path.Combine(pec, "anomalia.eml"), certified
            .Replace("X-Trasporto: posta-certificata", "X-Trasporto: errore", StringComparison.Ordinal)
            .Replace("prot-2026-0001234", "prot-2026-0009999", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(pec, "semplice.eml"),
            "From: Mario Rossi <mario.rossi@example.it>\r\nTo: protezionecivile@pec.protezionecivile.example.it\r\n" +
            "Subject: Richiesta informazioni sul volontariato\r\nMessage-ID: <semplice.1@example.it>\r\n" +
            "Date: Mon, 16 Mar 2026 11:00:00 +0100\r\n\r\nVorrei diventare volontario.\r\n", Encoding.UTF8);
        var recvq = Directory.CreateDirectory(folder.Combine("recvq")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "fax", "fax000042.tif"), Path.Combine(recvq, "fax000042.tif"));
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Channels = new
            {
                pec = new { Type = "MailDrop", Pec = true, Path = pec, DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("q"), StableFor = "00:00:00" },
                fax = new { Type = "FaxSpool", Path = recvq, StableFor = "00:00:00", ProcessedStatePath = folder.Combine("fax.processed") },
            },
        });

        var ingest = await Run(config, "ingest", "--once");
        ingest.ExitCode.Should().Be(0, ingest.Error);
        var tickets = new List<JsonElement>();
        foreach (var row in Rows(await Run(config, "tickets", "list", "--json")))
        {
            tickets.Add(await Show(config, row.GetProperty("number").GetString()!));
        }

        tickets.Should().HaveCount(4, ingest.Output);
        var certifiedTicket = tickets.Single(t => t.GetProperty("channel").GetString() == "Pec");
        var metadata = certifiedTicket.GetProperty("metadata");
        metadata.GetProperty("pec.provider").GetString().Should().Be("GESTORE PEC DI ESEMPIO S.p.A.");
        metadata.GetProperty("pec.id").GetString().Should().Be("opec292.20260316101502.30211.527.1.61@pec.gestore.example.it");
        metadata.GetProperty("pec.acceptedAt").GetString().Should().Be("2026-03-16T10:15:02+01:00");
        metadata.GetProperty("pec.envelope").GetString().Should().Be("posta-certificata");
        certifiedTicket.GetProperty("messages")[0].GetProperty("metadata").GetProperty("pec.id").GetString()
            .Should().Be("opec292.20260316101502.30211.527.1.61@pec.gestore.example.it", "each message keeps its own proof");

        var email = tickets.Where(t => t.GetProperty("channel").GetString() == "Email").ToList();
        email.Select(t => t.GetProperty("subject").GetString()).Should().BeEquivalentTo(
            "Richiesta di sopralluogo per dissesto idrogeologico - frana in località Colle Alto", "Richiesta informazioni sul volontariato");
        email.Single(t => t.GetProperty("metadata").TryGetProperty("pec.envelope", out _)).GetProperty("metadata")
            .GetProperty("pec.envelope").GetString().Should().Be("errore");

        var fax = tickets.Single(t => t.GetProperty("channel").GetString() == "Fax");
        fax.GetProperty("metadata").GetProperty("fax.tsi").GetString().Should().Be("0864576210");
        fax.GetProperty("metadata").GetProperty("fax.spoolFile").GetString().Should().Be("fax000042.tif");
        fax.GetProperty("sender").GetProperty("fax").GetString().Should().Be("+390864576210");

        var text = await Run(config, "tickets", "show", certifiedTicket.GetProperty("number").GetString()!);
        text.ExitCode.Should().Be(0, text.Error);
        text.Output.Should().Contain("Metadata").And.Contain("pec.acceptedAt").And.Contain("2026-03-16T10:15:02+01:00")
            .And.Contain("Europe/Rome", "local times are named");

        var stats = await Run(config, "stats", "--json");
        stats.ExitCode.Should().Be(0, stats.Error);
        var byChannel = JsonDocument.Parse(stats.Output).RootElement.GetProperty("byChannel").EnumerateArray()
            .ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("received").GetInt32());
        byChannel.Should().BeEquivalentTo(new Dictionary<string, int> { ["PEC"] = 1, ["e-mail"] = 2, ["fax"] = 1 },
            "only the certified message is PEC; ordinary mail in the PEC box counts as e-mail, wrapped or not");
    }

    [Fact]
    public async Task IngestOnce_ConfigBeforeOrAfterTheVerb_BothWork()
    {
        var inbox = Directory.CreateDirectory(folder.Combine("inbox")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "mail", "01-volontariato.eml"), Path.Combine(inbox, "01.eml"));
        var config = MailDropConfig(inbox);

        var before = await CliRun.RunAsync(null, "--config", rules, "--config", config, "ingest", "--once", "--json");
        var equals = await CliRun.RunAsync(null, $"--config={config}", "tickets", "list", "--json");
        var after = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", rules, "--config", config);

        before.ExitCode.Should().Be(0, before.Error);
        JsonDocument.Parse(before.Output).RootElement.EnumerateArray().Single().GetProperty("created").GetInt32().Should().Be(1);
        equals.ExitCode.Should().Be(0, equals.Error);
        Rows(equals).Should().ContainSingle();
        after.ExitCode.Should().Be(0, after.Error);
        JsonDocument.Parse(after.Output).RootElement.EnumerateArray().Single().GetProperty("created").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task IngestOnce_MailDropFileDatedMonthsAhead_ArrivesWhenItWasRead()
    {
        var claimed = DateTime.UtcNow.AddMonths(14);

        var (ticket, started, finished) = await IngestSampleDatedAsync("futuro.eml", claimed);

        ticket.GetProperty("receivedAt").GetDateTimeOffset().Should().BeOnOrAfter(started.AddSeconds(-1)).And.BeOnOrBefore(finished);
        ticket.GetProperty("number").GetString().Should().Be($"PC-{started.Year}-000001", "the ticket belongs to the year it was read, not the file's");
        ticket.GetProperty("metadata").GetProperty("source.reportedArrival").GetDateTimeOffset().UtcDateTime
            .Should().BeCloseTo(claimed, TimeSpan.FromSeconds(1), "what the source claimed is kept for the audit");
    }

    [Fact]
    public async Task IngestOnce_MailDropFileDated1970_ArrivesWhenItWasRead_NotOverdueOnArrival()
    {
        var (ticket, started, _) = await IngestSampleDatedAsync("orologio-mai-impostato.eml", DateTime.UnixEpoch); // a gateway without a battery

        ticket.GetProperty("receivedAt").GetDateTimeOffset().Should().BeOnOrAfter(started.AddSeconds(-1));
        ticket.GetProperty("number").GetString().Should().Be($"PC-{started.Year}-000001", "not a ticket of 1970, overdue for 56 years");
        ticket.GetProperty("dueAt").GetDateTimeOffset().Should().BeAfter(started);
        ticket.GetProperty("metadata").GetProperty("source.reportedArrival").GetDateTimeOffset().Should().Be(DateTimeOffset.UnixEpoch);
    }

    private string MailDropConfig(string inbox) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Receipts = new { Enabled = false },
        Channels = new { drop = new { Type = "MailDrop", Path = inbox, DonePath = folder.Combine("done"), StableFor = "00:00:00" } },
    });

    /// <summary>A sample mail dropped as <paramref name="name"/> with the file time <paramref name="lastWriteUtc"/>, ingested once: its ticket, and when the ingest ran.</summary>
    private async Task<(JsonElement Ticket, DateTimeOffset Started, DateTimeOffset Finished)> IngestSampleDatedAsync(string name, DateTime lastWriteUtc)
    {
        var inbox = Directory.CreateDirectory(folder.Combine("inbox")).FullName;
        var file = Path.Combine(inbox, name);
        File.Copy(Path.Combine(RepositoryPaths.Root, "samples", "mail", "02-danni-terremoto.eml"), file);
        File.SetLastWriteTimeUtc(file, lastWriteUtc);
        var config = MailDropConfig(inbox);

        var started = DateTimeOffset.UtcNow;
        (await Run(config, "ingest", "--once")).ExitCode.Should().Be(0);
        var finished = DateTimeOffset.UtcNow;
        var ticket = await Show(config, Rows(await Run(config, "tickets", "list", "--json")).Single().GetProperty("number").GetString()!);
        return (ticket, started, finished);
    }

    private Task<CliRun.Result> Run(string config, params string[] args) => CliRun.RunAsync(null, [.. args, "--config", rules, "--config", config]);

    private async Task<JsonElement> Show(string config, string number)
    {
        var result = await Run(config, "tickets", "show", number, "--json");
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private static List<JsonElement> Rows(CliRun.Result result)
    {
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("tickets").EnumerateArray().ToList();
    }
}
