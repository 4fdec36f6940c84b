namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// A consistent copy of the embedded store's file, open for reading: a private temporary file deleted when closed, or
/// the HTTP response that streams the running service's copy.
/// </summary>
internal sealed class StoreSnapshot(Stream content, IDisposable? carrier = null) : IAsyncDisposable
{
    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        carrier?.Dispose();
    }
}
