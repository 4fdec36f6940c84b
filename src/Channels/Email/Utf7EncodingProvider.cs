using System.Text;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Makes UTF-7 (RFC 2152) available to MimeKit like any other charset: .NET 5 and later refuse it by name and code page
/// (browsers treated it as a way round XSS filters) and even drop a provider's answer whose code page is 65000, so
/// bodies and encoded words labelled utf-7 were kept undecoded ("+AOg-" for "è"). The encoding is therefore offered
/// under a private code page (<see cref="Utf7TextEncoding"/>). It is only ever decoded into text that is then handled
/// like any other mail text: HTML goes through the sanitiser after decoding.
/// </summary>
internal sealed class Utf7EncodingProvider : EncodingProvider
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "utf-7", "utf7", "unicode-1-1-utf-7", "unicode-2-0-utf-7", "x-unicode-1-1-utf-7", "x-unicode-2-0-utf-7", "csunicode11utf7",
    };

    private static readonly Lazy<bool> Registration = new(() =>
    {
        Encoding.RegisterProvider(new Utf7EncodingProvider());
        return true;
    });

    private readonly Encoding utf7 = new Utf7TextEncoding();

    public static void EnsureRegistered() => _ = Registration.Value;

    public override Encoding? GetEncoding(int codepage) => codepage == Utf7TextEncoding.PrivateCodePage ? utf7 : null;

    public override Encoding? GetEncoding(string name) => Names.Contains(name.Trim()) ? utf7 : null;
}
