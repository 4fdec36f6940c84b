namespace ContactCenter.Channels.Email;

/// <summary>
/// Copies a fetched message off the wire so the connection can move on: into memory, or into a temp file when it
/// is large (a <see cref="MessageSpool"/> with no size limit). Each <see cref="OpenAsync"/> returns a new read-only
/// stream at the start.
/// </summary>
internal sealed class MessageBuffer : IDisposable
{
    public const int MemoryLimit = 8 * 1024 * 1024;

    private readonly MessageSpool _spool;

    private MessageBuffer(MessageSpool spool) => _spool = spool;

    public long Length => _spool.Length;

    /// <summary>True when the bytes are held in memory rather than in a temp file.</summary>
    public bool InMemory => _spool.FilePath is null;

    public static Task<MessageBuffer> CopyAsync(Stream source, CancellationToken cancellationToken) =>
        CopyAsync(source, MemoryLimit, cancellationToken);

    /// <summary>Copies <paramref name="source"/>, spilling to a temp file once it is over <paramref name="memoryLimit"/> bytes.</summary>
    public static async Task<MessageBuffer> CopyAsync(Stream source, long memoryLimit, CancellationToken cancellationToken) =>
        new(await MessageSpool.CopyAsync(source, memoryLimit, long.MaxValue, null, cancellationToken).ConfigureAwait(false));

    public ValueTask<Stream> OpenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_spool.OpenRead());

    public void Dispose() => _spool.Dispose();
}
