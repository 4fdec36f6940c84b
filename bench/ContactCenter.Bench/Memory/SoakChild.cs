using System.Globalization;
using System.Text.Json;
using ContactCenter.Bench.Pipeline;
using ContactCenter.Core.Pipeline;

namespace ContactCenter.Bench.Memory;

/// <summary>
/// The bench run as its own child (<c>--child-soak FOLDER DATA CHECKPOINT</c>): ingests a mail-drop folder with the
/// service's registrations and, after a full GC, reports RSS and GC heap once <c>CHECKPOINT</c> messages are done and
/// again at the end, as one JSON line on stdout.
/// </summary>
internal static class SoakChild
{
    public const string Mode = "--child-soak";

    public static async Task<int> RunAsync(string[] args)
    {
        var (folder, data, checkpoint) = (args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture));
        await using var services = new BenchServices(data, BenchServices.MailDropChannel("drop", folder));
        await services.WarmUpAsync(CancellationToken.None);
        var database = Path.Combine(data, "tickets.db");
        var progress = new CheckpointProgress(checkpoint, database);
        var summary = await services.Pipeline.RunAsync(services.Source("drop"), progress, CancellationToken.None);
        var end = Snapshot.Take(summary.Fetched, database);
        Console.WriteLine(JsonSerializer.Serialize(new SoakResult(progress.AtCheckpoint ?? end, end, summary.Created)));
        return 0;
    }

    /// <summary>Called synchronously by the pipeline after each stored batch (IProgress, not Progress&lt;T&gt;).</summary>
    private sealed class CheckpointProgress(int checkpoint, string database) : IProgress<PipelineProgress>
    {
        public Snapshot? AtCheckpoint { get; private set; }

        public void Report(PipelineProgress value)
        {
            if (AtCheckpoint is null && value.Processed >= checkpoint)
            {
                AtCheckpoint = Snapshot.Take(value.Processed, database);
            }
        }
    }
}
