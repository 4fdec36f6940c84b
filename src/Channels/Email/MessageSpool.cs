using System.Buffers;
using System.Globalization;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The item's bytes read once from its source and kept where they can be read again: in memory when small (most
/// mail), in a private spool file beyond <see cref="MemoryLimit"/> (in <see cref="MessageSpoolFolder"/>, unlinked at
/// once so nothing outlives the process), so a large message is neither held in memory nor
/// fetched twice. MimeKit parses it persistently (parts stay slices of the spool) and the archive copies it from here.
/// A source whose bytes are already in memory (a mail source's <see cref="MessageBuffer"/>) is read in place.
/// </summary>
internal sealed class MessageSpool : IDisposable, IAsyncDisposable
{
    public const int MemoryLimit = 1024 * 1024;
    private const int BufferSize = 81920;

    private readonly ArraySegment<byte> memory;
    private readonly string? path;
    private readonly FileStream? file;

    private MessageSpool(ArraySegment<byte> memory, string? path, FileStream? file, long length)
    {
        this.memory = memory;
        this.path = path;
        this.file = file;
        Length = length;
    }

    public long Length { get; }

    /// <summary>The name the spool file of a large message was created under (gone already where it could be unlinked); null while in memory.</summary>
    public string? FilePath => path;

    /// <summary>
    /// Reads the item, throwing <see cref="InboundItemRejectedException"/> when it is over <paramref name="maxBytes"/> or
    /// empty (no message at all: every normaliser of mail refuses it the same way).
    /// </summary>
    public static async Task<MessageSpool> CreateAsync(InboundItem item, long maxBytes, CancellationToken cancellationToken)
    {
        var spool = await ReadAsync(item, maxBytes, cancellationToken).ConfigureAwait(false);
        // An empty spool is held in memory: there is nothing to dispose.
        return spool.Length > 0 ? spool : throw new InboundItemRejectedException("Empty message (0 bytes).");
    }

    private static async Task<MessageSpool> ReadAsync(InboundItem item, long maxBytes, CancellationToken cancellationToken)
    {
        if (item.Length > maxBytes)
        {
            throw TooLarge(item.Length.Value, maxBytes);
        }

        var source = await item.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            if (source is MemoryStream { Position: 0 } held && held.TryGetBuffer(out var bytes))
            {
                // Copying it would only double it in memory, or write a message held in memory to disk as well.
                return bytes.Count <= maxBytes ? new MessageSpool(bytes, null, null, bytes.Count) : throw TooLarge(bytes.Count, maxBytes);
            }

            return await CopyAsync(source, MemoryLimit, maxBytes, item.Length, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Copies the rest of <paramref name="source"/>: into memory while it is at most <paramref name="memoryLimit"/>
    /// bytes, else into a private temp file; over <paramref name="maxBytes"/> it is rejected with its real size.
    /// </summary>
    public static async Task<MessageSpool> CopyAsync(
        Stream source, long memoryLimit, long maxBytes, long? lengthHint, CancellationToken cancellationToken)
    {
        // A fetched message usually comes as a seekable stream: its size is known, so the buffer is made to measure
        // once instead of doubling from 16 KiB and being cut to size (two to four copies of every message).
        lengthHint ??= source.CanSeek ? source.Length - source.Position : null;
        var memory = new MemoryStream(lengthHint is > 0 && lengthHint <= memoryLimit ? (int)lengthHint.Value : 16 * 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await CheckSizeAsync(source, memory.Length + read, maxBytes, buffer, cancellationToken).ConfigureAwait(false);
                memory.Write(buffer, 0, read);
                if (memory.Length > memoryLimit)
                {
                    return await SpillAsync(source, memory, maxBytes, buffer, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (memory.Capacity - memory.Length > memory.Length / 8)
        {
            // Growing doubled the buffer: what a batch keeps in memory is counted by Length, so hold no more than that.
            memory.Capacity = (int)memory.Length;
        }

        return new MessageSpool(new ArraySegment<byte>(memory.GetBuffer(), 0, (int)memory.Length), null, null, memory.Length);
    }

    /// <summary>A new reader positioned at the start; several may be open at once.</summary>
    public Stream OpenRead() => file is null
        ? new MemoryStream(memory.Array!, memory.Offset, memory.Count, writable: false, publiclyVisible: true)
        : new BufferedStream(new SpoolReadStream(file.SafeFileHandle, Length), BufferSize);

    public void Dispose() => file?.Dispose();

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<MessageSpool> SpillAsync(
        Stream source, MemoryStream head, long maxBytes, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteSpoolAsync(source, head, maxBytes, buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageUnavailableException.IsFileSystemFault(ex))
        {
            // A full or failing disk under the spool (or the source's own folder) is not the message's fault.
            throw new StorageUnavailableException($"The mail spool in {MessageSpoolFolder.Current} could not hold a message over 1 MiB: {ex.Message}", ex);
        }
    }

    private static async Task<MessageSpool> WriteSpoolAsync(
        Stream source, MemoryStream head, long maxBytes, byte[] buffer, CancellationToken cancellationToken)
    {
        var path = Path.Combine(MessageSpoolFolder.Current, $"{MessageSpoolFolder.FilePrefix}{Guid.NewGuid():N}.eml");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read | FileShare.Delete,
            BufferSize = 0,
            Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            // Citizens' mail: readable by the service account only.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var target = new FileStream(path, options);
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                // Nameless from here on: the handle keeps the data, and a crash or kill -9 leaves nothing behind.
                File.Delete(path);
            }

            var handle = target.SafeFileHandle;
            long total = head.Length;
            await RandomAccess.WriteAsync(handle, head.GetBuffer().AsMemory(0, (int)head.Length), 0, cancellationToken).ConfigureAwait(false);
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await CheckSizeAsync(source, total + read, maxBytes, buffer, cancellationToken).ConfigureAwait(false);
                await RandomAccess.WriteAsync(handle, buffer.AsMemory(0, read), total, cancellationToken).ConfigureAwait(false);
                total += read;
            }

            return new MessageSpool(default, path, target, total);
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CheckSizeAsync(Stream source, long total, long maxBytes, byte[] buffer, CancellationToken cancellationToken)
    {
        if (total <= maxBytes)
        {
            return;
        }

        // Count the rest without keeping it, so the admin sees the real size in the reason.
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        throw TooLarge(total, maxBytes);
    }

    private static InboundItemRejectedException TooLarge(long size, long maxBytes) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"Message is {size} bytes, over the limit of {maxBytes} bytes ({MailNormalizerOptions.SectionName}:MaxMessageBytes)."));
}
