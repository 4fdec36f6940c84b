using System.Text;

namespace ContactCenter.Channels.Email;

/// <summary>Makes the legacy code pages (windows-1252, ISO-2022-JP, ...) available to MimeKit, once per process.</summary>
internal static class MailTextEncodings
{
    private static readonly Lazy<Encoding> Windows1252Lazy = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Undeclared 8-bit header bytes from Italian mailers are nearly always windows-1252 (the euro sign at 0x80).</summary>
    public static Encoding Windows1252 => Windows1252Lazy.Value;

    public static void EnsureRegistered() => _ = Windows1252Lazy.Value;

    /// <summary>A configured charset name (validated at start), with the legacy code pages available.</summary>
    public static Encoding Resolve(string name)
    {
        EnsureRegistered();
        return Encoding.GetEncoding(name);
    }
}
