using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>
/// A model file: a zip with <c>manifest.json</c> and the two ML.NET models (<c>level.zip</c>, <c>category.zip</c>).
/// Written to a temporary name beside the target and renamed, so a reader never sees half a file.
/// </summary>
internal static class RoutingModelFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void Save(MLContext ml, RoutingModel model, string path)
    {
        var temporary = path + ".tmp";
        using (var stream = File.Create(temporary))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            using (var manifest = zip.CreateEntry("manifest.json").Open())
            {
                JsonSerializer.Serialize(manifest, model.Manifest, Json);
            }

            Write(ml, zip, "level.zip", model.Level);
            Write(ml, zip, "category.zip", model.Category);
            stream.Flush(flushToDisk: false);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The model in <paramref name="content"/>, a model file already opened; <paramref name="path"/> names it in errors.</summary>
    public static RoutingModel Load(MLContext ml, Stream content, string path)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        RoutingModelManifest manifest;
        using (var stream = Entry(zip, "manifest.json").Open())
        {
            manifest = JsonSerializer.Deserialize<RoutingModelManifest>(stream, Json)
                       ?? throw new InvalidDataException($"{path}: empty manifest.json");
        }

        return new RoutingModel(manifest, Read(ml, zip, "level.zip"), Read(ml, zip, "category.zip"));
    }

    private static void Write(MLContext ml, ZipArchive zip, string name, LabelModel model)
    {
        using var buffer = new MemoryStream();
        ml.Model.Save(model.Transformer, model.InputSchema, buffer);
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        buffer.Position = 0;
        buffer.CopyTo(entry);
    }

    private static LabelModel Read(MLContext ml, ZipArchive zip, string name)
    {
        // ML.NET reads a model from a seekable stream.
        using var buffer = new MemoryStream();
        using (var entry = Entry(zip, name).Open())
        {
            entry.CopyTo(buffer);
        }

        buffer.Position = 0;
        var transformer = ml.Model.Load(buffer, out var schema);
        return new LabelModel(ml, transformer, schema);
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name) =>
        zip.GetEntry(name) ?? throw new InvalidDataException($"Not a routing model file: no {name} in it.");
}
