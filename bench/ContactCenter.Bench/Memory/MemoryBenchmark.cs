using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ContactCenter.Bench.Reporting;
using ContactCenter.Testing;
using ContactCenter.Testing.Bulk;

namespace ContactCenter.Bench.Memory;

/// <summary>
/// Peak RSS of <c>contactcenter ingest --once</c> on one message with a 50 MB attachment (against the same command on
/// an empty folder), and RSS after 10,000 messages against after 1,000 in one long-lived ingest.
/// </summary>
internal sealed class MemoryBenchmark : IBenchmark
{
    private const int AttachmentBytes = 50 * 1000 * 1000;
    private const long TargetBytes = 300L * 1024 * 1024;

    public string Name => "memory";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken) =>
        [await PeakAsync(context, cancellationToken), await SoakAsync(context, cancellationToken)];

    private static async Task<BenchRow> PeakAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var empty = await IngestOnceAsync(context, folder => 0, cancellationToken);
        var big = await IngestOnceAsync(context, folder => BigAttachmentMail.Write(Path.Combine(folder, "perizia.eml"), AttachmentBytes), cancellationToken);
        BenchContext.Say($"memory: peak RSS {Rate.Mebibytes(big.Peak)} with the 50 MB message, {Rate.Mebibytes(empty.Peak)} with none");
        if (!big.Output.Contains("\"created\": 1,", StringComparison.Ordinal))
        {
            // A rejected (quarantined) message would measure the wrong path.
            throw new InvalidOperationException($"the 50 MB message did not become a ticket: {big.Output}");
        }

        return new BenchRow(
            "Memory: peak RSS, ingest --once of one e-mail with a 50 MB attachment",
            Rate.Mebibytes(big.Peak),
            $"same command, empty folder: {Rate.Mebibytes(empty.Peak)}",
            (double)big.Peak / empty.Peak,
            "< 300 MiB",
            $"VmHWM of the child process sampled every 10 ms; message {Rate.Mebibytes(big.MessageBytes)} on disk (base64)")
        {
            TargetMet = big.Peak < TargetBytes,
        };
    }

    private static async Task<(long Peak, long MessageBytes, string Output)> IngestOnceAsync(
        BenchContext context, Func<string, long> fill, CancellationToken cancellationToken)
    {
        var folder = context.NewFolder("memory");
        var drop = Path.Combine(folder, "drop");
        Directory.CreateDirectory(drop);
        var bytes = fill(drop);
        var config = JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = Path.Combine(folder, "data") },
            Mail = new { MaxMessageBytes = 128L * 1024 * 1024 },
            Receipts = new { Enabled = false },
            Channels = new Dictionary<string, object> { ["drop"] = new { Type = "MailDrop", Path = drop, StableFor = "00:00:00" } },
        });
        var rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");
        var (peak, exit, output) = await PeakRssRun.IngestOnceAsync([rules, config], cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"contactcenter ingest --once exited with {exit}: {output}");
        }

        return (peak, bytes, output);
    }

    private static async Task<BenchRow> SoakAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(10_000, 2_000);
        const int checkpoint = 1_000;
        var folder = context.NewFolder("soak");
        var drop = Path.Combine(folder, "drop");
        Directory.CreateDirectory(drop);
        var mail = new BulkMail(seed: 10, run: "soak");
        for (var n = 0; n < count; n++)
        {
            await File.WriteAllBytesAsync(Path.Combine(drop, $"{n:D6}.eml"), mail.CreateBytes(n), cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var result = await RunSoakChildAsync(drop, Path.Combine(folder, "data"), checkpoint, cancellationToken);
        BenchContext.Say($"memory: soak of {count} messages in {Rate.Seconds(Stopwatch.GetElapsedTime(started))}: {result}");
        if (result.Created != count)
        {
            throw new InvalidOperationException($"soak created {result.Created} tickets of {count}");
        }

        var growth = (double)result.AtEnd.RssBytes / result.AtCheckpoint.RssBytes;

        // LiteDB keeps the pages it has read in its own cache, so the heap follows the data file; what grows beyond
        // that is what would be a leak.
        var heapGrowth = result.AtEnd.HeapBytes - result.AtCheckpoint.HeapBytes;
        var databaseGrowth = result.AtEnd.DatabaseBytes - result.AtCheckpoint.DatabaseBytes;
        var beyondCache = heapGrowth - databaseGrowth;
        return new BenchRow(
            $"Memory: RSS after {count:N0} messages vs after {checkpoint:N0} (one process)",
            $"{Rate.Mebibytes(result.AtEnd.RssBytes)} (GC heap {Rate.Mebibytes(result.AtEnd.HeapBytes)})",
            $"after {checkpoint:N0}: {Rate.Mebibytes(result.AtCheckpoint.RssBytes)} (GC heap {Rate.Mebibytes(result.AtCheckpoint.HeapBytes)})",
            growth,
            "no growth beyond caches",
            $"mail-drop channel, same registrations as the service; full GC before each reading; heap +{Rate.Mebibytes(heapGrowth)} while tickets.db "
            + $"grew {Rate.Mebibytes(result.AtCheckpoint.DatabaseBytes)} → {Rate.Mebibytes(result.AtEnd.DatabaseBytes)} (LiteDB's page cache follows the file): "
            + $"{Rate.Mebibytes(beyondCache)} beyond it")
        {
            TargetMet = beyondCache < 16L * 1024 * 1024,
        };
    }

    private static async Task<SoakResult> RunSoakChildAsync(string drop, string data, int checkpoint, CancellationToken cancellationToken)
    {
        var run = await ProcessRunner.RunAsync(
            "dotnet", [typeof(MemoryBenchmark).Assembly.Location, SoakChild.Mode, drop, data, checkpoint.ToString(CultureInfo.InvariantCulture)],
            Timeout.InfiniteTimeSpan, cancellationToken: cancellationToken);
        var line = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (run.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"soak child failed ({run.ExitCode}): {run.StandardOutput} {run.StandardError}");
        }

        return JsonSerializer.Deserialize<SoakResult>(line)!;
    }
}
