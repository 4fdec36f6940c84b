using ContactCenter.Channels.Postal;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Runs the whole scan corpus once through the pipeline, as one poll of a scan-folder channel.</summary>
public sealed class ScanCorpusFixture : IAsyncLifetime
{
    internal CorpusRun Run { get; } = new(ScanCorpus.All);

    public Task InitializeAsync() =>
        Run.RunAsync((run, token) => PipelineDriver.RunAsync(run, _ => new ScanFolderSource(
            "scansioni", new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [run.DropDirectory], StableFor = TimeSpan.Zero, BatchSize = 8 },
            TimeProvider.System, NullLogger<ScanFolderSource>.Instance), token), CancellationToken.None);

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
