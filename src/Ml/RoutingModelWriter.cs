using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>Writes a trained model: to a .zip as it is (version 1), or into a models folder as its next version.</summary>
internal static class RoutingModelWriter
{
    public static string Write(RoutingModel model, string target)
    {
        var ml = new MLContext(RoutingPipeline.Seed);
        if (!target.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            return new RoutingModelFolder(target).SaveNew(ml, model);
        }

        model.Manifest.Version = Math.Max(model.Manifest.Version, 1);
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        RoutingModelFile.Save(ml, model, target);
        return target;
    }
}
