using System.Text.Json;
using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.Control;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>What a disk-full run must end with once room is made, on either store.</summary>
internal static class DiskFullRecovery
{
    /// <summary>Waits for ingest to resume by itself, then: every message one ticket, each counted once, all acknowledged.</summary>
    public static async Task EveryMessageOnceAsync(ServiceTestHost service, string inbox, int messages)
    {
        // Items today are counted when a poll ends, which can be after its last batch is stored and moved.
        var done = await service.WaitForStatusAsync(
            s => s.GetProperty("tickets").GetInt32() == messages && Directory.GetFiles(inbox).Length == 0 && Channel(s).GetProperty("itemsToday").GetInt32() >= messages,
            TimeSpan.FromSeconds(120));
        done.GetProperty("tickets").GetInt32().Should().Be(messages, "ingest resumes by itself once there is room");
        Channel(done).GetProperty("itemsToday").GetInt32().Should().Be(messages, "each message counted once, however many failed polls fetched it");
        Directory.GetFiles(inbox).Should().BeEmpty("every message is acknowledged (moved to done) once its ticket is stored");
        var tickets = await service.Services.GetRequiredService<ITicketStore>().QueryAsync(new TicketQuery(), default);
        tickets.Select(t => t.Number).Should().OnlyHaveUniqueItems().And.HaveCount(messages);
        tickets.Select(t => t.Subject).Distinct().Should().HaveCount(messages, "no message twice, none lost");
    }

    /// <summary>The run's one channel, in <c>/api/status</c> or <c>/health</c>.</summary>
    public static JsonElement Channel(JsonElement report) => report.GetProperty("channels").EnumerateArray().Single();

    public static string LastError(JsonElement report) => Channel(report).TryGetProperty("lastError", out var error) ? error.GetString() ?? "" : "";
}
