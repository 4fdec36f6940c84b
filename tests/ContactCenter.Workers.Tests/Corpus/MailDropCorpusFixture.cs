using ContactCenter.Channels.Email;
using Microsoft.Extensions.Logging.Abstractions;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Runs a mail corpus once through the pipeline, as one poll of a mail-drop channel (batches of 16).</summary>
public abstract class MailDropCorpusFixture : IAsyncLifetime
{
    private protected MailDropCorpusFixture(IReadOnlyList<CorpusCase> cases) => Run = new CorpusRun(cases);

    internal CorpusRun Run { get; }

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
