using System.Globalization;
using BitMiracle.LibTiff.Classic;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Reads HylaFAX's tags of a received fax TIFF: ImageDescription holds the TSI on its first line and, in HylaFAX+,
/// one caller-id value per further line (<c>CallID1</c> the number, <c>CallID2</c> the name), each optionally
/// prefixed by a label and a tab; DateTime (<c>YYYY:MM:DD HH:MM:SS</c>, the server's local time) is the receipt time.
/// </summary>
internal static class FaxTiffTagReader
{
    public static FaxImageInfo Read(Stream content, string name, TimeZoneInfo serverTimeZone)
    {
        using var tiff = Tiff.ClientOpen(name, "r", content, new TiffStream());
        if (tiff is null)
        {
            return FaxImageInfo.Unknown;
        }

        var description = tiff.GetField(TiffTag.IMAGEDESCRIPTION)?[0].ToString();
        var dateTime = tiff.GetField(TiffTag.DATETIME)?[0].ToString();
        return new FaxImageInfo(ParseDescription(description), ParseDateTime(dateTime, serverTimeZone));
    }

    public static FaxSenderInfo ParseDescription(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return FaxSenderInfo.Unknown;
        }

        var lines = description.TrimEnd('\0').Split('\n');
        string? number = null, callerName = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var tab = lines[i].IndexOf('\t');
            var label = tab >= 0 ? lines[i][..tab].Trim().ToLowerInvariant() : $"callid{i}";
            var value = Clean(tab >= 0 ? lines[i][(tab + 1)..] : lines[i]);
            if (label is "callid1" or "cidnumber" or "number")
            {
                number ??= value;
            }
            else if (label is "callid2" or "cidname" or "name")
            {
                callerName ??= value;
            }
        }

        return new FaxSenderInfo(Clean(lines[0]), number, callerName);
    }

    public static DateTimeOffset? ParseDateTime(string? value, TimeZoneInfo serverTimeZone)
    {
        if (!DateTime.TryParseExact(
                value?.TrimEnd('\0').Trim(), "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        return FaxLocalTime.In(local, serverTimeZone);
    }

    private static string? Clean(string value)
    {
        var trimmed = value.Trim().Trim('"').Trim();
        return trimmed.Length == 0 || trimmed is "<unknown>" ? null : trimmed;
    }
}
