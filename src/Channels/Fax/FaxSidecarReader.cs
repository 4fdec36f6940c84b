using System.Globalization;
using System.Text.Json;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// A metadata file a gateway may write next to a received fax: <c>{file}.json</c> (<c>tsi</c>, <c>callerId</c>,
/// <c>callerName</c>, <c>receivedAt</c>) or <c>{file}.meta</c> in the "Key: value" lines of HylaFAX's faxinfo
/// (<c>Sender</c>, <c>CallID1</c>/<c>CIDNumber</c>, <c>CallID2</c>/<c>CIDName</c>, <c>Received</c>).
/// </summary>
internal static class FaxSidecarReader
{
    private const long MaxBytes = 64 * 1024;

    public static FaxImageInfo Read(string faxPath, TimeZoneInfo serverTimeZone)
    {
        var json = new FileInfo(faxPath + ".json");
        if (json.Exists && json.Length <= MaxBytes)
        {
            return ReadJson(File.ReadAllText(json.FullName));
        }

        var meta = new FileInfo(faxPath + ".meta");
        if (meta.Exists && meta.Length <= MaxBytes)
        {
            return ReadKeyValue(File.ReadAllText(meta.FullName), serverTimeZone);
        }

        return FaxImageInfo.Unknown;
    }

    public static FaxImageInfo ReadKeyValue(string text, TimeZoneInfo serverTimeZone)
    {
        var received = text.Split('\n')
            .Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("Received:", StringComparison.OrdinalIgnoreCase))?["Received:".Length..].Trim();
        return new FaxImageInfo(
            FaxMailSenderParser.Parse(null, text),
            FaxTiffTagReader.ParseDateTime(received, serverTimeZone) ?? ParseIso(received));
    }

    public static FaxImageInfo ReadJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var values = document.RootElement.EnumerateObject()
                .Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value.GetString());
            return new FaxImageInfo(
                new FaxSenderInfo(
                    First(values, "tsi", "sender", "remotestationid"),
                    First(values, "callerid", "callernumber", "cidnumber", "callid1"),
                    First(values, "callername", "cidname", "callid2")),
                ParseIso(First(values, "receivedat", "received")));
        }
        catch (JsonException)
        {
            // A malformed sidecar is no reason to lose the fax: the TIFF's own tags still say who sent it.
            return FaxImageInfo.Unknown;
        }
    }

    private static string? First(Dictionary<string, string?> values, params string[] keys) =>
        keys.Select(k => values.GetValueOrDefault(k)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    private static DateTimeOffset? ParseIso(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
