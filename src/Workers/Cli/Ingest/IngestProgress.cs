using ContactCenter.Core.Pipeline;
using ContactCenter.Workers.Scheduling;
using Spectre.Console;

namespace ContactCenter.Workers.Cli.Ingest;

/// <summary>A progress bar per channel on a terminal, shown once a channel reports a sizeable backlog.</summary>
internal static class IngestProgress
{
    private const int LargeBacklog = 50;

    public static async Task<IReadOnlyList<PollSummary>> RunAsync(
        IAnsiConsole console, IngestRunner runner, IReadOnlyList<ChannelDefinition> channels, CancellationToken cancellationToken)
    {
        IReadOnlyList<PollSummary> summaries = [];
        var tasks = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
        await console.Progress().AutoClear(true).StartAsync(async progress =>
        {
            summaries = await runner.RunAllAsync(channels, channel => new Progress<PipelineProgress>(p => Update(progress, tasks, channel, p)), cancellationToken)
                .ConfigureAwait(false);
        }).ConfigureAwait(false);
        return summaries;
    }

    private static void Update(ProgressContext progress, Dictionary<string, ProgressTask> tasks, string channel, PipelineProgress report)
    {
        var total = report.Processed + report.Remaining;
        lock (tasks)
        {
            if (!tasks.TryGetValue(channel, out var task))
            {
                if (total < LargeBacklog)
                {
                    return;
                }

                task = tasks[channel] = progress.AddTask(channel);
            }

            task.MaxValue = Math.Max(total, 1);
            task.Value = report.Processed;
        }
    }
}
