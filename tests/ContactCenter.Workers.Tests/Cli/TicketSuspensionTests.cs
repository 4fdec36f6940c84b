using System.Globalization;
using System.Text.Json;
using ContactCenter.Core.Channels;
using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// The README's suspension rule read back through <c>tickets show --json</c>: the due date moves by the time suspended,
/// counted as the policy counts. The request arrives Monday 2 March 2026 at 10:00 (Rome); the operator's clock is fake.
/// </summary>
public sealed class TicketSuspensionTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-suspend");
    private readonly MemoryChannelFactory memory = new();
    private readonly FakeTimeProvider time = new(At("2026-03-02T12:00+01:00"));
    private readonly string rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

    public TicketSuspensionTests()
    {
        var source = new MemorySource("inbox");
        source.Add("mem:inbox/1", "Subject: Come diventare volontario\n\nVorrei diventare volontario di protezione civile.");
        memory.Sources["inbox"] = source;
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Resume_CalendarDays_DueMovesByTheSuspendedTime()
    {
        var config = Config(new { Level = "First", Days = 7, DayKind = "CalendarDays" });
        var number = await IngestAsync(config);
        (await DueAsync(config, number)).Should().Be(At("2026-03-09T18:00+01:00"), "7 calendar days from Monday 2 March");

        await SuspendAsync(config, number, "2026-03-04T10:00+01:00", "2026-03-04T10:01+01:00");
        (await DueAsync(config, number)).Should().Be(At("2026-03-09T18:01+01:00"), "one minute suspended, one minute later");

        await SuspendAsync(config, number, "2026-03-05T10:00+01:00", "2026-03-06T10:00+01:00");
        (await DueAsync(config, number)).Should().Be(At("2026-03-10T18:01+01:00"), "one day suspended, one day later");

        await SuspendAsync(config, number, "2026-03-06T12:00+01:00", "2026-03-09T12:00+01:00");
        (await DueAsync(config, number)).Should().Be(At("2026-03-13T18:01+01:00"), "Friday to Monday is three calendar days");
    }

    [Fact]
    public async Task Resume_WorkingDays_DueMovesByTheServiceTimeSuspended()
    {
        var config = Config(new { Level = "First", Days = 5, DayKind = "WorkingDays" });
        var number = await IngestAsync(config);
        (await DueAsync(config, number)).Should().Be(At("2026-03-09T18:00+01:00"), "5 working days from Monday 2 March");

        await SuspendAsync(config, number, "2026-03-04T10:00+01:00", "2026-03-04T10:01+01:00");
        (await DueAsync(config, number)).Should().Be(At("2026-03-10T09:01+01:00"), "one minute of service time after Monday's closing");

        await SuspendAsync(config, number, "2026-03-04T11:00+01:00", "2026-03-05T11:00+01:00");
        (await DueAsync(config, number)).Should().Be(At("2026-03-11T09:01+01:00"), "one day suspended is one working day");

        await SuspendAsync(config, number, "2026-03-06T12:00+01:00", "2026-03-09T12:00+01:00");
        var shown = await ShowAsync(config, number);
        shown.GetProperty("dueAt").GetDateTimeOffset().Should().Be(At("2026-03-12T09:01+01:00"), "Friday to Monday is one working day: the weekend does not count");
        shown.GetProperty("history").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "DueDateChanged").GetProperty("detail").GetString()
            .Should().Be("due date moved from 2026-03-11 09:01 +01:00 (Europe/Rome) to 2026-03-12 09:01 +01:00 (Europe/Rome) (clock suspended)");
    }

    [Fact]
    public async Task Reclassify_HistoryShowsTheStoredDueDates_InTheNamedZone()
    {
        var config = Config(new { Level = "First", Days = 7, DayKind = "CalendarDays" });
        var number = await IngestAsync(config);
        var before = await DueAsync(config, number);

        var reclassify = await Run(config, "tickets", "reclassify", number, "--level", "2", "--reason", "serve il parere della Regione");
        reclassify.ExitCode.Should().Be(0, reclassify.Error);

        var shown = await ShowAsync(config, number);
        var after = shown.GetProperty("dueAt").GetDateTimeOffset();
        after.Should().Be(At("2026-04-13T18:00+02:00"), "40 calendar days from 2 March is Saturday 11 April; the next working day is Monday 13");
        shown.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "DueDateChanged").GetProperty("detail").GetString()
            .Should().Be($"due date moved from {Rome(before)} to {Rome(after)} (new level)")
            .And.Be("due date moved from 2026-03-09 18:00 +01:00 (Europe/Rome) to 2026-04-13 18:00 +02:00 (Europe/Rome) (new level)");
    }

    private static string Rome(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome")).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) + " (Europe/Rome)";

    private string Config(object policy) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { DataDirectory = folder.Combine("data") },
        Receipts = new { Enabled = false },
        Sla = new { Policies = new[] { policy } },
        Channels = new { inbox = new { Type = "Memory" } },
    });

    private async Task<string> IngestAsync(string config)
    {
        (await Run(config, "ingest", "--once")).ExitCode.Should().Be(0);
        var list = await Run(config, "tickets", "list", "--json");
        return JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets")[0].GetProperty("number").GetString()!;
    }

    private async Task SuspendAsync(string config, string number, string from, string until)
    {
        time.SetUtcNow(At(from));
        var suspend = await Run(config, "tickets", "suspend", number, "--waiting-for", "Regione Abruzzo");
        suspend.ExitCode.Should().Be(0, suspend.Error);
        time.SetUtcNow(At(until));
        var resume = await Run(config, "tickets", "resume", number);
        resume.ExitCode.Should().Be(0, resume.Error);
    }

    private async Task<DateTimeOffset> DueAsync(string config, string number) => (await ShowAsync(config, number)).GetProperty("dueAt").GetDateTimeOffset();

    private async Task<JsonElement> ShowAsync(string config, string number)
    {
        var result = await Run(config, "tickets", "show", number, "--json");
        result.ExitCode.Should().Be(0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement;
    }

    private Task<CliRun.Result> Run(string config, params string[] args) => CliRun.RunAsync(AddFakes, [.. args, "--config", rules, "--config", config]);

    private void AddFakes(HostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IChannelFactory>(memory);
        builder.Services.AddSingleton<IItemNormalizer, TextNormalizer>();
        builder.Services.AddSingleton<TimeProvider>(time);
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
