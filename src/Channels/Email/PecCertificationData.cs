using System.Xml;
using MimeKit;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The few fields of a PEC <c>daticert.xml</c> a backoffice needs: the issuing provider, the message identifier and when
/// the provider accepted it. Read with DTDs prohibited and a size cap: the file comes from outside.
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
            DtdProcessing = DtdProcessing.Prohibit,
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
            found["pec.acceptedAt"] = $"{day} {time} {zone}".Trim();
        }

        return found;
    }
}
