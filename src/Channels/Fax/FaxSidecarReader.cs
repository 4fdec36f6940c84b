using System.Globalization;
using System.Text;
using System.Text.Json;
using ContactCenter.Channels.Files;
using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// A metadata file a gateway may write next to a received fax: <c>{file}.json</c> (<c>tsi</c>, <c>callerId</c>,
/// <c>callerName</c>, <c>receivedAt</c>) or <c>{file}.meta</c> in the "Key: value" lines of HylaFAX's faxinfo
/// (<c>Sender</c>, <c>CallID1</c>/<c>CIDNumber</c>, <c>CallID2</c>/<c>CIDName</c>, <c>Received</c>).
/// </summary>
internal static class FaxSidecarReader
{
    private const long MaxBytes = 64 * 1024;

    /// <remarks>A sidecar is read like the fax itself (regular file, links per <paramref name="rules"/>, timed reads): one that is a FIFO is ignored.</remarks>
    public static FaxImageInfo Read(string faxPath, TimeZoneInfo serverTimeZone, SourceFileRules rules)
    {
        if (ReadSmall(faxPath + ".json", rules) is { } json)
        {
            return ReadJson(json, serverTimeZone);
        }

        return ReadSmall(faxPath + ".meta", rules) is { } meta ? ReadKeyValue(meta, serverTimeZone) : FaxImageInfo.Unknown;
    }

    private static string? ReadSmall(string path, SourceFileRules rules)
    {
        if (!SourceFiles.EntryExists(path))
        {
            return null;
        }

        try
        {
            using var stream = SourceFiles.OpenRead(path, rules);
            var buffer = new byte[MaxBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxBytes)
            {
                return null;
            }

            using var reader = new StreamReader(new MemoryStream(buffer, 0, total), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InboundItemRejectedException)
        {
            // The sidecar only adds the sender: without it the TIFF's own tags still say who sent the fax.
            return null;
        }
    }

    public static FaxImageInfo ReadKeyValue(string text, TimeZoneInfo serverTimeZone)
    {
        var received = text.Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("Received:", StringComparison.OrdinalIgnoreCase))?["Received:".Length..].Trim();
        return new FaxImageInfo(
            FaxMailSenderParser.Parse(null, text),
            FaxTiffTagReader.ParseDateTime(received, serverTimeZone) ?? ParseIso(received, serverTimeZone));
    }

    /// <remarks>A <c>receivedAt</c> without an offset is the gateway's local time in <paramref name="serverTimeZone"/>.</remarks>
    public static FaxImageInfo ReadJson(string text, TimeZoneInfo serverTimeZone)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return FaxImageInfo.Unknown;
            }

            // Keys repeated (or differing only in case) would make ToDictionary throw and fail every poll of the spool.
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                values.TryAdd(property.Name.ToLowerInvariant(), property.Value.GetString());
            }

            return new FaxImageInfo(
                new FaxSenderInfo(
                    First(values, "tsi", "sender", "remotestationid"),
                    First(values, "callerid", "callernumber", "cidnumber", "callid1"),
                    First(values, "callername", "cidname", "callid2")),
                ParseIso(First(values, "receivedat", "received"), serverTimeZone));
        }
        catch (JsonException)
        {
            // A malformed sidecar is no reason to lose the fax: the TIFF's own tags still say who sent it.
            return FaxImageInfo.Unknown;
        }
    }

    private static string? First(Dictionary<string, string?> values, params string[] keys) =>
        keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>
    /// An ISO time with its offset (or Z) as written; one without is the gateway's wall clock in
    /// <paramref name="serverTimeZone"/>, as the TIFF tag is read: taken as UTC it was an hour (two in summer) off in Italy.
    /// </summary>
    private static DateTimeOffset? ParseIso(string? value, TimeZoneInfo serverTimeZone)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            return FaxLocalTime.In(parsed, serverTimeZone);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
    }
}
