using ContactCenter.Core.Pipeline;
using ContactCenter.Workers.Scheduling;

namespace ContactCenter.Workers.Cli.Ingest;

/// <summary>Runs the pipeline over each channel in turn; one channel's failure is its summary's, the others still run.</summary>
internal sealed class IngestRunner(IngestPipeline pipeline, ChannelSources sources)
{
    public async Task<IReadOnlyList<PollSummary>> RunAllAsync(
        IReadOnlyList<ChannelDefinition> channels, Func<string, IProgress<PipelineProgress>>? progress, CancellationToken cancellationToken)
    {
        var summaries = new List<PollSummary>(channels.Count);
        foreach (var channel in channels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            summaries.Add(await RunAsync(channel.Name, progress?.Invoke(channel.Name), cancellationToken).ConfigureAwait(false));
        }

        return summaries;
    }

    private async Task<PollSummary> RunAsync(string channel, IProgress<PipelineProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await pipeline.RunAsync(sources.Get(channel), progress, cancellationToken).ConfigureAwait(false);
        }
        catch (PollFailedException ex)
        {
            return ex.Summary;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The source could not even be created (e.g. a folder that does not exist).
            return new PollSummary { Channel = channel, Failed = $"{ex.GetType().Name}: {ex.Message}" };
        }
    }
}
