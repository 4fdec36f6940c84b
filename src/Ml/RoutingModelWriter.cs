using ContactCenter.Core.Storage;
using Microsoft.ML;

namespace ContactCenter.Ml;

/// <summary>Writes a trained model: to a .zip as it is (version 1), or into a models folder as its next version.</summary>
internal static class RoutingModelWriter
{
    /// <summary>
    /// As <see cref="Write"/>; with the cluster's <paramref name="shared"/> keys (given only with the service's models
    /// folder as <paramref name="target"/>), as the cluster's next version, which every node then loads
    /// (<see cref="SharedRoutingModels"/>).
    /// </summary>
    public static async Task<string> WriteAsync(RoutingModel model, string target, ISharedKeyStore? shared, CancellationToken cancellationToken) =>
        shared is null
            ? Write(model, target)
            : await new SharedRoutingModels(shared).PublishNewAsync(new MLContext(RoutingPipeline.Seed), model, new RoutingModelFolder(target), cancellationToken)
                .ConfigureAwait(false);

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
