namespace ContactCenter.Channels.Email;

/// <summary>
/// The buffers behind the batch last handed out: its items open them until the caller asks for the next batch, so
/// they are released only then (or when the source is disposed). At most <see cref="MemoryBudget"/> bytes of a batch
/// are held in memory: a batch of many mid-sized messages spills the rest to temp files instead of growing the heap.
/// </summary>
internal sealed class MessageBufferSet : IDisposable
{
    public const long MemoryBudget = 32L * 1024 * 1024;

    private readonly List<MessageBuffer> _buffers = [];

    /// <summary>Bytes held since the last <see cref="Release"/>: the size of the current batch.</summary>
    public long Bytes { get; private set; }

    /// <summary>The part of <see cref="Bytes"/> held in memory.</summary>
    public long MemoryBytes { get; private set; }

    public async Task<MessageBuffer> CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var limit = Math.Clamp(MemoryBudget - MemoryBytes, 0, MessageBuffer.MemoryLimit);
        var buffer = await MessageBuffer.CopyAsync(stream, limit, cancellationToken).ConfigureAwait(false);
        _buffers.Add(buffer);
        Bytes += buffer.Length;
        MemoryBytes += buffer.InMemory ? buffer.Length : 0;
        return buffer;
    }

    public void Release()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }

        _buffers.Clear();
        Bytes = 0;
        MemoryBytes = 0;
    }

    public void Dispose() => Release();
}
