namespace ContactCenter.Channels.Email.Salvage;

/// <summary>Counts of what a base64 part's raw bytes hold (line breaks aside), read in one streaming pass (parts may be tens of MB).</summary>
internal readonly record struct Base64Scan(long Symbols, long Padding, long Foreign, long Blanks)
{
    public static Base64Scan Of(Stream raw)
    {
        long symbols = 0, padding = 0, foreign = 0, blanks = 0;
        var buffer = new byte[81920];
        raw.Position = 0;
        int read;
        while ((read = raw.Read(buffer, 0, buffer.Length)) > 0)
        {
            foreach (var b in buffer.AsSpan(0, read))
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

        raw.Position = 0;
        return new Base64Scan(symbols, padding, foreign, blanks);
    }
}
