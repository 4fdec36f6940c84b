namespace ContactCenter.Channels.Email;

/// <summary>
/// The buffers behind the batch last handed out: its items open them until the caller asks for the next batch, so
/// they are released only then (or when the source is disposed).
/// </summary>
internal sealed class MessageBufferSet : IDisposable
{
    private readonly List<MessageBuffer> _buffers = [];

    /// <summary>Bytes held since the last <see cref="Release"/>: the size of the current batch.</summary>
    public long Bytes { get; private set; }

    public async Task<MessageBuffer> CopyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = await MessageBuffer.CopyAsync(stream, cancellationToken).ConfigureAwait(false);
        _buffers.Add(buffer);
        Bytes += buffer.Length;
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
    }

    public void Dispose() => Release();
}
