namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Runs the whole scan corpus once through the real OCR reader.</summary>
public sealed class ScanCorpusFixture : IAsyncLifetime
{
    internal CorpusRun Run { get; } = new(ScanCorpus.All);

    public Task InitializeAsync() =>
        Run.RunAsync((run, token) => new ScanDriver(run.DataDirectory, run.DropDirectory).RunAsync(token), CancellationToken.None);

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}
