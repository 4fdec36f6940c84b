using System.Text;
using UtfUnknown;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// Guesses the charset of raw 8-bit bytes in a header block (mailers that never heard of RFC 2047). MimeKit already
/// tries UTF-8 first; this decides what it falls back to. A detector (UTF.Unknown) is trusted only where it is reliable
/// on a few words: multi-byte East Asian charsets, and non-Latin single-byte scripts when most of the letters are
/// 8-bit. On a short Italian subject with two accented letters it guesses ISO-8859-13 or windows-1258 as readily as
/// windows-1252, so Latin text keeps the configured fallback.
/// </summary>
internal static class HeaderCharsetGuesser
{
    private const float MinMultiByteConfidence = 0.75f;
    private const float MinSingleByteConfidence = 0.8f;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly HashSet<string> MultiByte = new(StringComparer.OrdinalIgnoreCase)
    {
        "shift_jis", "shift-jis", "euc-jp", "iso-2022-jp", "big5", "gb18030", "gb2312", "euc-kr", "iso-2022-kr", "euc-tw", "x-euc-tw", "iso-2022-cn",
    };

    private static readonly HashSet<string> NonLatinSingleByte = new(StringComparer.OrdinalIgnoreCase)
    {
        "koi8-r", "koi8-u", "windows-1251", "iso-8859-5", "ibm866", "x-mac-cyrillic", "iso-8859-7", "windows-1253",
        "iso-8859-8", "windows-1255", "windows-1256", "iso-8859-6", "windows-874", "tis-620",
    };

    /// <summary>The charset to decode the block's raw 8-bit bytes with, or null for the configured fallback.</summary>
    public static Encoding? Guess(ReadOnlySpan<byte> headerBlock)
    {
        var eightBit = EightBitLines(headerBlock);
        if (eightBit.Length == 0 || IsUtf8(eightBit))
        {
            return null;
        }

        var detected = CharsetDetector.DetectFromBytes(eightBit).Detected;
        if (detected?.Encoding is not { } encoding || detected.EncodingName is not { } name)
        {
            return null;
        }

        if (MultiByte.Contains(name) && detected.Confidence >= MinMultiByteConfidence && DecodesCleanly(encoding, eightBit))
        {
            // Latin text never forms these byte pairs by chance often enough to score here; a clean decode makes sure.
            return encoding;
        }

        return NonLatinSingleByte.Contains(name) && detected.Confidence >= MinSingleByteConfidence && MostlyEightBit(eightBit)
            ? encoding : null;
    }

    /// <summary>The header lines that carry 8-bit bytes, field names cut off: the only text whose charset is in doubt.</summary>
    private static byte[] EightBitLines(ReadOnlySpan<byte> block)
    {
        using var lines = new MemoryStream();
        foreach (var range in block.Split((byte)'\n'))
        {
            var line = block[range];
            if (line.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0)
            {
                continue;
            }

            var colon = line.IndexOf((byte)':');
            lines.Write(colon >= 0 && line[0] is not ((byte)' ' or (byte)'\t') ? line[(colon + 1)..] : line);
            lines.WriteByte((byte)'\n');
        }

        return lines.ToArray();
    }

    private static bool IsUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool DecodesCleanly(Encoding encoding, byte[] bytes)
    {
        try
        {
            Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Cyrillic or Greek written in a single-byte charset is nearly all 8-bit; Italian with accents is not.</summary>
    private static bool MostlyEightBit(byte[] bytes)
    {
        int letters = 0, high = 0;
        foreach (var b in bytes)
        {
            if (b >= 0x80)
            {
                high++;
                letters++;
            }
            else if (char.IsAsciiLetter((char)b))
            {
                letters++;
            }
        }

        return letters > 0 && high * 2 >= letters;
    }
}
