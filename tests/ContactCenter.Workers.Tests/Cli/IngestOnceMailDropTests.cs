using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

public sealed class IngestOnceMailDropTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-maildrop");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task IngestOnce_SampleMails_CreateTicketsThatListAndShowPrint()
    {
        var inbox = folder.Combine("inbox");
        Directory.CreateDirectory(inbox);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "mail"), "*.eml"))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }

        var config = Config(inbox);
        var rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

        var ingest = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", rules, "--config", config);

        ingest.ExitCode.Should().Be(0, ingest.Error);
        var summary = JsonDocument.Parse(ingest.Output).RootElement.EnumerateArray().Single();
        summary.GetProperty("created").GetInt32().Should().Be(4);
        summary.GetProperty("followUps").GetInt32().Should().Be(1);
        summary.GetProperty("autoMail").GetInt32().Should().Be(1);
        summary.GetProperty("quarantined").GetInt32().Should().Be(0);
        Directory.GetFiles(inbox, "*.eml").Should().BeEmpty("every stored file is moved to done/");
        Directory.GetFiles(folder.Combine("done"), "*.eml", SearchOption.AllDirectories).Should().HaveCount(6);

        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--config", rules, "--config", config);
        list.ExitCode.Should().Be(0, list.Error);
        var listed = JsonDocument.Parse(list.Output).RootElement;
        listed.GetProperty("mode").GetString().Should().Be("Ordinary");
        var tickets = listed.GetProperty("tickets").EnumerateArray().ToList();
        tickets.Should().HaveCount(4);
        var volunteering = tickets.Single(t => t.GetProperty("subject").GetString()!.Contains("volontaria", StringComparison.Ordinal));
        volunteering.GetProperty("messages").GetInt32().Should().Be(2, "the reply quoting the number is appended");

        var show = await CliRun.RunAsync(null, "tickets", "show", volunteering.GetProperty("number").GetString()!, "--json", "--config", rules, "--config", config);
        show.ExitCode.Should().Be(0, show.Error);
        var ticket = JsonDocument.Parse(show.Output).RootElement;
        ticket.GetProperty("sender").GetProperty("email").GetString().Should().Be("giulia.ferraro@example.it");
        ticket.GetProperty("messageId").GetString().Should().Contain("20260309101244.4411@mail.example.it");
        ticket.GetProperty("classification").GetProperty("category").GetString().Should().Be("volontariato");
        ticket.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("kind").GetString())
            .Should().Contain(["Received", "FollowUpAppended"]);

        // Running the same samples again (a second quick start) makes no new ticket.
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "mail"), "*.eml"))
        {
            File.Copy(file, Path.Combine(inbox, Path.GetFileName(file)));
        }

        var again = await CliRun.RunAsync(null, "ingest", "--once", "--json", "--config", rules, "--config", config);
        again.ExitCode.Should().Be(0, again.Error);
        JsonDocument.Parse(again.Output).RootElement.EnumerateArray().Single().GetProperty("created").GetInt32().Should().Be(0);
        Directory.GetFiles(inbox, "*.eml").Should().BeEmpty();
    }

    [Fact]
    public async Task TicketsShow_UnknownNumber_ExitsWith1()
    {
        await KnownStore.CreateEmptyAsync(folder.Combine("data"));
        var result = await CliRun.RunAsync(null, "tickets", "show", "PC-2026-999999", "--config", Config(folder.Combine("inbox")));

        result.ExitCode.Should().Be(1);
        result.Error.Should().Contain("No ticket PC-2026-999999");
    }

    private string Config(string inbox) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
        Receipts = new { Enabled = false },
        Channels = new
        {
            drop = new { Type = "MailDrop", Path = inbox, DonePath = folder.Combine("done"), QuarantinePath = folder.Combine("quarantine"), StableFor = "00:00:00" },
        },
    });
}
