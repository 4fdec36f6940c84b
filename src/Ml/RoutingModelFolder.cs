using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// The models folder: <c>routing-v{n}.zip</c>, one per training, never overwritten, and <c>current.json</c> naming
/// the one in use. A new version is written whole under a temporary name, then the pointer is replaced by a rename:
/// the service reads either the old model or the new one.
/// </summary>
internal sealed partial class RoutingModelFolder(string path)
{
    public const string PointerName = "current.json";

    public string Path { get; } = path;

    public string PointerPath => System.IO.Path.Combine(Path, PointerName);

    /// <summary>The file the pointer names, or null before the first training.</summary>
    public string? CurrentFile() => Current()?.File;

    /// <summary>The version the pointer names, or 0 before the first training.</summary>
    public int CurrentVersion() => Current()?.Version ?? 0;

    /// <summary>What the pointer names, read once; null before the first training.</summary>
    public RoutingModelPointer? Current()
    {
        if (!File.Exists(PointerPath))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(PointerPath));
        var root = document.RootElement;
        var name = root.GetProperty("file").GetString();
        if (string.IsNullOrWhiteSpace(name) || name != System.IO.Path.GetFileName(name))
        {
            throw new InvalidDataException($"{PointerPath}: \"file\" must name a model file in the same folder.");
        }

        var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 0;
        var sha256 = root.TryGetProperty("sha256", out var h) ? h.GetString() : null;
        return new RoutingModelPointer(version, System.IO.Path.Combine(Path, name), sha256);
    }

    /// <summary>The version after the newest file in the folder.</summary>
    public int NextVersion() =>
        !Directory.Exists(Path) ? 1 : Directory.EnumerateFiles(Path, "routing-v*.zip")
            .Select(f => VersionPattern().Match(System.IO.Path.GetFileName(f)))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() + 1;

    /// <summary>Stores the model as the next version and points to it; returns the file written.</summary>
    public string SaveNew(MLContext ml, RoutingModel model)
    {
        var file = Save(ml, model, NextVersion());
        PointTo(model.Manifest.Version, Sha256Of(File.ReadAllBytes(file)));
        return file;
    }

    /// <summary>Writes the model as <paramref name="version"/>, without pointing to it yet.</summary>
    public string Save(MLContext ml, RoutingModel model, int version)
    {
        Directory.CreateDirectory(Path);
        model.Manifest.Version = version;
        var file = FileOf(version);
        RoutingModelFile.Save(ml, model, file);
        return file;
    }

    /// <summary>Writes a model file made elsewhere (another node's training) as <paramref name="version"/> and points to it.</summary>
    public string WriteAndPoint(int version, byte[] content)
    {
        Directory.CreateDirectory(Path);
        var file = FileOf(version);
        var temporary = file + ".tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, file, overwrite: true);
        PointTo(version, Sha256Of(content));
        return file;
    }

    /// <summary>
    /// Replaces the pointer by a rename: the service reads either the old model or the new one. The file's SHA-256 goes
    /// with it, so a node comparing its model with the cluster's need not read and hash the file at every check.
    /// </summary>
    public void PointTo(int version, string sha256)
    {
        var temporary = PointerPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new { version, file = System.IO.Path.GetFileName(FileOf(version)), sha256 }));
        File.Move(temporary, PointerPath, overwrite: true);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private string FileOf(int version) => System.IO.Path.Combine(Path, $"routing-v{version.ToString(CultureInfo.InvariantCulture)}.zip");

    [GeneratedRegex(@"^routing-v(\d{1,9})\.zip$")]
    private static partial Regex VersionPattern();
}
