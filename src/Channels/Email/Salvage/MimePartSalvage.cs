using MimeKit;
using MimeKit.Encodings;

namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// Repairs and checks leaf parts after parsing: x-uuencode without its <c>begin</c> line (MimeKit decodes nothing
/// until it sees one) is decoded as bare payload; base64 cut short or full of foreign characters is reported, so the
/// ticket is flagged for review instead of showing garbage as if it were the text; a "base64" text part that is
/// plainly not base64 at all is shown as it came.
/// </summary>
internal static class MimePartSalvage
{
    /// <summary>Above this share of foreign characters a base64 text part is taken for mislabelled plain text.</summary>
    private const double PlainTextShare = 0.05;

    public static void Repair(MimeMessage message, MailSalvageReport report)
    {
        var number = 0;
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            number++;
            if (part.Content?.Stream is null)
            {
                continue;
            }

            switch (part.ContentTransferEncoding)
            {
                case ContentEncoding.UUEncode:
                    RepairUuencode(part, Describe(part, number), report);
                    break;
                case ContentEncoding.Base64:
                    CheckBase64(part, Describe(part, number), report);
                    break;
            }
        }
    }

    private static void RepairUuencode(MimePart part, string name, MailSalvageReport report)
    {
        var raw = ReadRaw(part);
        if (HasBeginLine(raw))
        {
            return;
        }

        var decoder = new UUDecoder(payloadOnly: true);
        var decoded = new byte[decoder.EstimateOutputLength(raw.Length)];
        var length = decoder.Decode(raw, 0, raw.Length, decoded);
        part.Content = new MimeContent(new MemoryStream(decoded, 0, length, writable: false), ContentEncoding.Binary);
        report.Repaired($"{name}: x-uuencode senza riga 'begin', decodificata come contenuto nudo ({length} byte)");
    }

    private static void CheckBase64(MimePart part, string name, MailSalvageReport report)
    {
        var scan = Base64Scan.Of(part.Content!.Stream!);
        var odd = scan.Foreign + scan.Blanks;
        if (part is TextPart && odd > (scan.Symbols + scan.Padding + odd) * PlainTextShare)
        {
            // Words and blanks: a mailer labelled plain text base64. Decoding it would only make garbage of it.
            part.Content = new MimeContent(new MemoryStream(ReadRaw(part), writable: false), ContentEncoding.Default);
            part.ContentTransferEncoding = ContentEncoding.EightBit;
            report.Problem($"{name} è dichiarata base64 ma è testo semplice ({odd} caratteri su {scan.Symbols + scan.Padding + odd} non sono base64): mostrata com'è arrivata");
        }
        else if (scan.Foreign > 0)
        {
            report.Problem($"{name} ha {scan.Foreign} caratteri non base64: il contenuto decodificato può essere alterato");
        }
        else if ((scan.Symbols + scan.Padding) % 4 != 0)
        {
            report.Problem($"{name} ha il base64 troncato ({scan.Symbols} caratteri, non multiplo di 4): il contenuto è incompleto");
        }
    }

    private static bool HasBeginLine(byte[] raw)
    {
        var text = System.Text.Encoding.ASCII.GetString(raw, 0, Math.Min(raw.Length, 4096));
        return text.Split('\n').Any(l => l.TrimStart().StartsWith("begin ", StringComparison.Ordinal));
    }

    /// <summary>The part's bytes as they are in the message, before any transfer decoding.</summary>
    private static byte[] ReadRaw(MimePart part)
    {
        using var copy = new MemoryStream();
        var stream = part.Content!.Stream!;
        stream.Position = 0;
        stream.CopyTo(copy);
        stream.Position = 0;
        return copy.ToArray();
    }

    private static string Describe(MimePart part, int number) =>
        $"parte {number} ({part.ContentType.MimeType}{(part.FileName is { } file ? ", " + file : "")})";
}
