using System.Globalization;
using System.Xml;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The few fields of a PEC <c>daticert.xml</c> a backoffice needs: the issuing provider, the message identifier and when
/// the provider accepted it. Providers start the file with <c>&lt;!DOCTYPE postacert SYSTEM "Postacert.dtd"&gt;</c>, so
/// the DTD is skipped rather than refused: with no resolver nothing is fetched, no entity is declared, and a reference to
/// one (an external entity smuggled in) fails the read instead of being expanded. The file comes from outside, so its
/// size is capped too.
/// </summary>
internal static class PecCertificationData
{
    private const long MaxChars = 256 * 1024;

    public static IReadOnlyDictionary<string, string> Read(MimePart part)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        using var content = new MemoryStream();
        part.Content?.DecodeTo(content);
        content.Position = 0;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = MaxChars,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(content, settings);
        string? day = null, time = null, zone = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            // ReadElementContentAsString moves past the element itself, so no Read() after it.
            switch (reader.LocalName)
            {
                case "gestore-emittente":
                    found["pec.provider"] = reader.ReadElementContentAsString().Trim();
                    break;
                case "identificativo":
                    found["pec.id"] = reader.ReadElementContentAsString().Trim();
                    break;
                case "giorno":
                    day = reader.ReadElementContentAsString().Trim();
                    break;
                case "ora":
                    time = reader.ReadElementContentAsString().Trim();
                    break;
                case "data":
                    zone = reader.GetAttribute("zona");
                    reader.Read();
                    break;
                default:
                    reader.Read();
                    break;
            }
        }

        if (day is not null && time is not null)
        {
            found["pec.acceptedAt"] = AcceptedAt(day, time, zone);
        }

        return found;
    }

    /// <summary>
    /// ISO 8601 with the provider's offset (<c>2026-03-16T10:15:02+01:00</c>) from <c>giorno</c> 16/03/2026, <c>ora</c>
    /// 10:15:02 and <c>zona</c> +0100; the provider's own words when they do not parse, so nothing is lost.
    /// </summary>
    private static string AcceptedAt(string day, string time, string? zone)
    {
        var text = $"{day} {time} {zone}".Trim();
        var offset = zone is { Length: 5 } z && z[0] is '+' or '-' ? $"{z[..3]}:{z[3..]}" : zone;
        return DateTimeOffset.TryParseExact($"{day} {time} {offset}", "dd/MM/yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : text;
    }
}
