using System.Text;

namespace ContactCenter.Channels.Email;

/// <summary>UTF-7 under a code page of its own, so that .NET's filter on code page 65000 lets MimeKit have it (see <see cref="Utf7EncodingProvider"/>).</summary>
internal sealed class Utf7TextEncoding : Encoding
{
    /// <summary>Unassigned by Windows and by .NET's code-page provider.</summary>
    public const int PrivateCodePage = 65005;

#pragma warning disable SYSLIB0001 // UTF-7 is obsolete for writing; reading what old mailers still send is the point.
    private readonly Encoding inner = new UTF7Encoding(allowOptionals: true);
#pragma warning restore SYSLIB0001

    public override int CodePage => PrivateCodePage;

    public override string WebName => "utf-7";

    public override string HeaderName => "utf-7";

    public override string BodyName => "utf-7";

    public override string EncodingName => "Unicode (UTF-7)";

    public override int GetByteCount(char[] chars, int index, int count) => inner.GetByteCount(chars, index, count);

    public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        inner.GetBytes(chars, charIndex, charCount, bytes, byteIndex);

    public override int GetCharCount(byte[] bytes, int index, int count) => inner.GetCharCount(bytes, index, count);

    public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        inner.GetChars(bytes, byteIndex, byteCount, chars, charIndex);

    public override int GetMaxByteCount(int charCount) => inner.GetMaxByteCount(charCount);

    public override int GetMaxCharCount(int byteCount) => inner.GetMaxCharCount(byteCount);

    public override Decoder GetDecoder() => inner.GetDecoder();

    public override Encoder GetEncoder() => inner.GetEncoder();
}
