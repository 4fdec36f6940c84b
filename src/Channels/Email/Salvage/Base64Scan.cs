using System.Buffers;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>Counts of what a base64 part's raw bytes hold (line breaks aside), read in one streaming pass (parts may be tens of MB).</summary>
internal readonly record struct Base64Scan(long Symbols, long Padding, long Foreign, long Blanks)
{
    private const int BufferSize = 81920;

    /// <summary>What a well-formed part holds: a chunk of only these is counted with vectorised searches.</summary>
    private static readonly SearchValues<byte> Clean =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\r\n"u8);

    public static Base64Scan Of(Stream raw)
    {
        long symbols = 0, padding = 0, foreign = 0, blanks = 0;
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            raw.Position = 0;
            int read;
            while ((read = raw.Read(buffer, 0, BufferSize)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                if (!chunk.ContainsAnyExcept(Clean))
                {
                    var equals = chunk.Count((byte)'=');
                    padding += equals;
                    symbols += read - equals - chunk.Count((byte)'\r') - chunk.Count((byte)'\n');
                    continue;
                }

                CountEach(chunk, ref symbols, ref padding, ref foreign, ref blanks);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        raw.Position = 0;
        return new Base64Scan(symbols, padding, foreign, blanks);
    }

    private static void CountEach(ReadOnlySpan<byte> chunk, ref long symbols, ref long padding, ref long foreign, ref long blanks)
    {
        foreach (var b in chunk)
        {
            if (b is (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            if (b is (byte)' ' or (byte)'\t')
            {
                blanks++;
                continue;
            }

            if (b == '=')
            {
                padding++;
            }
            else if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/')
            {
                symbols++;
            }
            else
            {
                foreign++;
            }
        }
    }
}
