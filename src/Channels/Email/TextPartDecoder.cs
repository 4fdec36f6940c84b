using System.Text;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Decodes a text part's characters. Mail that claims UTF-8 (or nothing) but carries Latin-1 bytes is common from
/// old Italian webmail and forms: strict UTF-8 first, windows-1252 when the bytes are not UTF-8, instead of "�".
/// </summary>
internal static class TextPartDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string GetText(TextPart part)
    {
        var charset = part.ContentType.Charset?.Trim().ToLowerInvariant();
        if (charset is not (null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii") || part.Content is null)
        {
            return part.Text;
        }

        using var decoded = new MemoryStream();
        part.Content.DecodeTo(decoded);
        var bytes = decoded.GetBuffer().AsSpan(0, (int)decoded.Length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return MailTextEncodings.Windows1252.GetString(bytes);
        }
    }
}
