using System.Globalization;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Reads HylaFAX's tags of a received fax TIFF: ImageDescription holds the TSI on its first line and, in HylaFAX+,
/// one caller-id value per further line (<c>CallID1</c> the number, <c>CallID2</c> the name), each optionally
/// prefixed by a label and a tab; DateTime (<c>YYYY:MM:DD HH:MM:SS</c>, the server's local time) is the receipt time.
/// Both come from the first image directory, read by <see cref="TiffAsciiTags"/> within fixed bounds.
/// </summary>
internal static class FaxTiffTagReader
{
    private const ushort ImageDescription = 270;
    private const ushort DateTimeTag = 306;

    /// <summary>What the tags say; <see cref="FaxImageInfo.Unknown"/> for a file that is not a TIFF or has neither tag.</summary>
    public static FaxImageInfo Read(Stream content, TimeZoneInfo serverTimeZone)
    {
        var tags = TiffAsciiTags.Read(content, ImageDescription, DateTimeTag);
        return new FaxImageInfo(
            ParseDescription(tags.GetValueOrDefault(ImageDescription)), ParseDateTime(tags.GetValueOrDefault(DateTimeTag), serverTimeZone));
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
