using System.Globalization;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The item's bytes copied once to a private temp file, so that a large message is neither held in memory nor read
/// twice from its source: MimeKit parses it persistently (parts stay on disk) and the archive copies it from there.
/// </summary>
internal sealed class MessageSpool : IAsyncDisposable
{
    private const int BufferSize = 81920;

    private MessageSpool(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Copies the item, throwing <see cref="InboundItemRejectedException"/> when it is over <paramref name="maxBytes"/>.</summary>
    public static async Task<MessageSpool> CreateAsync(InboundItem item, long maxBytes, CancellationToken cancellationToken)
    {
        if (item.Length > maxBytes)
        {
            throw TooLarge(item.Length.Value, maxBytes);
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-mail-{Guid.NewGuid():N}.eml");
        try
        {
            var length = await CopyAsync(item, path, maxBytes, cancellationToken).ConfigureAwait(false);
            return new MessageSpool(path, length);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public FileStream OpenRead() =>
        new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // A leftover temp file is harmless; failing the item for it would not be.
        }

        return ValueTask.CompletedTask;
    }

    private static async Task<long> CopyAsync(InboundItem item, string path, long maxBytes, CancellationToken cancellationToken)
    {
        var source = await item.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows())
            {
                // Citizens' mail: readable by the service account only, even in a shared temp folder.
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            var target = new FileStream(path, options);
            await using (target.ConfigureAwait(false))
            {
                var buffer = new byte[BufferSize];
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        // Count the rest without keeping it, so the admin sees the real size in the reason.
                        total += await DrainAsync(source, buffer, cancellationToken).ConfigureAwait(false);
                        throw TooLarge(total, maxBytes);
                    }

                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }

                return total;
            }
        }
    }

    private static async Task<long> DrainAsync(Stream source, byte[] buffer, CancellationToken cancellationToken)
    {
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static InboundItemRejectedException TooLarge(long size, long maxBytes) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"Message is {size} bytes, over the limit of {maxBytes} bytes ({MailNormalizerOptions.SectionName}:MaxMessageBytes)."));
}
