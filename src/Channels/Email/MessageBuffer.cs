namespace ContactCenter.Channels.Email;

/// <summary>
/// Copies a fetched message off the wire so the connection can move on: into memory, or into a temp file when it
/// is large. Each <see cref="OpenAsync"/> returns a new read-only stream at the start.
/// </summary>
internal sealed class MessageBuffer : IDisposable
{
    public const int MemoryLimit = 8 * 1024 * 1024;

    private readonly byte[]? _bytes;
    private readonly string? _tempFile;

    private MessageBuffer(byte[]? bytes, string? tempFile, long length)
    {
        _bytes = bytes;
        _tempFile = tempFile;
        Length = length;
    }

    public long Length { get; }

    /// <summary>True when the bytes are held in memory rather than in a temp file.</summary>
    public bool InMemory => _bytes is not null;

    public static Task<MessageBuffer> CopyAsync(Stream source, CancellationToken cancellationToken) =>
        CopyAsync(source, MemoryLimit, cancellationToken);

    /// <summary>Copies <paramref name="source"/>, spilling to a temp file once it is over <paramref name="memoryLimit"/> bytes.</summary>
    public static async Task<MessageBuffer> CopyAsync(Stream source, long memoryLimit, CancellationToken cancellationToken)
    {
        var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            await memory.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            if (memory.Length > memoryLimit)
            {
                return await SpillAsync(memory, source, cancellationToken).ConfigureAwait(false);
            }
        }

        return new MessageBuffer(memory.ToArray(), null, memory.Length);
    }

    public ValueTask<Stream> OpenAsync(CancellationToken cancellationToken)
    {
        Stream stream = _bytes is not null
            ? new MemoryStream(_bytes, writable: false)
            : new FileStream(_tempFile!, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        return ValueTask.FromResult(stream);
    }

    public void Dispose()
    {
        if (_tempFile is not null)
        {
            try
            {
                File.Delete(_tempFile);
            }
            catch (IOException)
            {
                // Still open by a reader; the OS temp cleaner gets it.
            }
        }
    }

    private static async Task<MessageBuffer> SpillAsync(MemoryStream head, Stream rest, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cc-mail-{Guid.NewGuid():N}.eml");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
            BufferSize = 81920,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Citizens' mail: readable by the service account only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        head.Position = 0;
        await head.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        await rest.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
        return new MessageBuffer(null, path, file.Length);
    }
}
