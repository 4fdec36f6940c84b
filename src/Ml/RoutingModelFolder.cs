using System.Globalization;
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
    public string? CurrentFile()
    {
        if (!File.Exists(PointerPath))
        {
            return null;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(PointerPath));
        var name = document.RootElement.GetProperty("file").GetString();
        if (string.IsNullOrWhiteSpace(name) || name != System.IO.Path.GetFileName(name))
        {
            throw new InvalidDataException($"{PointerPath}: \"file\" must name a model file in the same folder.");
        }

        return System.IO.Path.Combine(Path, name);
    }

    /// <summary>Stores the model as the next version and points to it; returns the file written.</summary>
    public string SaveNew(MLContext ml, RoutingModel model)
    {
        Directory.CreateDirectory(Path);
        var version = Directory.EnumerateFiles(Path, "routing-v*.zip")
            .Select(f => VersionPattern().Match(System.IO.Path.GetFileName(f)))
            .Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0).Max() + 1;
        model.Manifest.Version = version;
        var name = $"routing-v{version}.zip";
        var file = System.IO.Path.Combine(Path, name);
        RoutingModelFile.Save(ml, model, file);

        var temporary = PointerPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new { version, file = name }));
        File.Move(temporary, PointerPath, overwrite: true);
        return file;
    }

    [GeneratedRegex(@"^routing-v(\d{1,9})\.zip$")]
    private static partial Regex VersionPattern();
}
