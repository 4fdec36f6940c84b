using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>Reads a whole document into memory, refusing it as soon as it passes the size limit.</summary>
internal static class BoundedStreamReader
{
    public static async Task<byte[]> ReadAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > maxBytes)
        {
            throw TooLarge(content.Length - content.Position, maxBytes);
        }

        using var buffer = new MemoryStream(content.CanSeek ? (int)Math.Min(content.Length - content.Position, maxBytes) : 81920);
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(buffer.Length + read, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static InboundItemRejectedException TooLarge(long size, long maxBytes) =>
        new($"file of {size:N0} bytes or more is over the limit {OcrOptions.SectionName}:MaxFileBytes ({maxBytes:N0} bytes)");
}
