using System.Text;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>
/// Real-world-shaped e-mails as citizens' clients send them (issue 11): Outlook, Apple Mail, Thunderbird, webmail,
/// phones, old mailers, forwards, TNEF, invitations, many charsets, and the defects the normaliser salvages. Every one
/// is something a careful operator would read, so every one must become a ticket.
/// </summary>
internal static partial class RealWorldMail
{
    public const string To = "To: Protezione Civile <segnalazioni@protezionecivile.example.it>";

    public static IReadOnlyList<CorpusCase> All { get; } = [.. Clients(), .. Charsets(), .. Salvaged()];

    static RealWorldMail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Text in a charset, as the "string of bytes" <see cref="HostileMail.Lines"/> writes back unchanged.</summary>
    public static string In(string charset, string text) => Encoding.Latin1.GetString(Encoding.GetEncoding(charset).GetBytes(text));

    public static string B64(string charset, string text) => HostileMail.Base64Lines(Encoding.GetEncoding(charset).GetBytes(text));

    public static string Word(string charset, string text) => $"=?{charset}?B?{Convert.ToBase64String(Encoding.GetEncoding(charset).GetBytes(text))}?=";

    /// <summary>A winmail.dat as Outlook writes it: signature, key, attributes with 16-bit byte-sum checksums.</summary>
    public static byte[] Tnef(string body, string title, byte[] data)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(0x223E9F78u);
        writer.Write((ushort)0x0101);
        void Attribute(byte level, uint tag, byte[] value)
        {
            writer.Write(level);
            writer.Write(tag);
            writer.Write((uint)value.Length);
            writer.Write(value);
            writer.Write((ushort)value.Sum(b => b));
        }

        var cp1252 = Encoding.GetEncoding(1252);
        Attribute(1, 0x00089006, BitConverter.GetBytes(0x00010000u));           // TnefVersion
        Attribute(1, 0x00069007, [.. BitConverter.GetBytes(1252u), 0, 0, 0, 0]);  // OemCodepage
        Attribute(1, 0x0002800C, cp1252.GetBytes(body + "\0"));                   // Body
        Attribute(2, 0x00069002, new byte[14]);                                   // AttachRenderData
        Attribute(2, 0x00018010, cp1252.GetBytes(title + "\0"));                  // AttachTitle
        Attribute(2, 0x0006800F, data);                                           // AttachData
        writer.Flush();
        return stream.ToArray();
    }

    private static CorpusCase Case(string name, Func<byte[]> generate, Action<CorpusTicket> check) =>
        new(name, "rw-" + name + ".eml", generate, CorpusExpectation.Ticket(check));
}
