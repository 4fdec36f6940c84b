using ContactCenter.Channels.Email;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Runs the real-world mail corpus once through the pipeline, as one poll of a mail-drop channel (batches of 16).</summary>
public sealed class RealWorldMailFixture : IAsyncLifetime
{
    internal CorpusRun Run { get; } = new(RealWorldMail.All);

    public Task InitializeAsync() =>
        Run.RunAsync((run, token) => PipelineDriver.RunAsync(run, _ => new MailDropSource(
            "segnalazioni", new MailDropChannelOptions { Type = "MailDrop", Path = run.DropDirectory, BatchSize = 16, StableFor = TimeSpan.Zero },
            NullLogger.Instance, TimeProvider.System), token), CancellationToken.None);

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
