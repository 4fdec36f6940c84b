namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Runs the whole mail corpus once, as one mail-drop poll; the tests then look at what became of each input.</summary>
public sealed class MailCorpusFixture : IAsyncLifetime
{
    internal CorpusRun Run { get; } = new(MailCorpus.All);

    public Task InitializeAsync() =>
        Run.RunAsync((run, token) => new NormalizerDriver(run.DataDirectory, run.DropDirectory).RunAsync(token), CancellationToken.None);

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
