using System.Xml.Linq;

namespace ContactCenter.Core.Tracking;

/// <summary>
/// Where the online form keeps its keys: a single machine in its data folder, a cluster in the store's shared keys
/// (<see cref="Storage.ISharedKeyStore"/>) under these names. Moving from one to the other (a node's first start on
/// PostgreSQL, <c>store copy</c>) brings the folder's keys along, so receipts already sent and forms already served
/// stay valid.
/// </summary>
public static class FormKeys
{
    /// <summary>The tracking links' HMAC secret.</summary>
    public const string TrackingSecretName = "webform/tracking";

    /// <summary>ASP.NET Core data protection's key ring: one name per key (<c>dataprotection/key-{id}</c>).</summary>
    public const string KeyRingPrefix = "dataprotection/";

    /// <summary>The shortest tracking secret accepted.</summary>
    public const int MinSecretLength = 32;

    public static string TrackingKeyFile(string dataDirectory) => Path.Combine(dataDirectory, "webform", "tracking.key");

    public static string KeyRingFolder(string dataDirectory) => Path.Combine(dataDirectory, "webform", "keys");

    /// <summary>The data folder's tracking secret, or null when it has none long enough to sign with.</summary>
    public static string? LocalTrackingSecret(string dataDirectory)
    {
        var path = TrackingKeyFile(dataDirectory);
        return File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= MinSecretLength } secret ? secret : null;
    }

    /// <summary>The data folder's key ring, each key under its shared name with its XML on one line.</summary>
    public static IEnumerable<(string Name, string Xml)> LocalKeyRing(string dataDirectory)
    {
        var folder = KeyRingFolder(dataDirectory);
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal)
                .Select(file => (KeyRingPrefix + Path.GetFileNameWithoutExtension(file), XElement.Load(file).ToString(SaveOptions.DisableFormatting)))
            : [];
    }
}
