using System.Text.Json;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Ml;

/// <summary>The shipped labelled sets and rules, and a smaller training file so a test trains in seconds.</summary>
internal static class RoutingModelFixture
{
    public static string Rules => Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

    public static string Training => Path.Combine(RepositoryPaths.Root, "samples", "routing.labelled.json");

    public static string Holdout => Path.Combine(RepositoryPaths.Root, "samples", "routing.holdout.json");

    public static string DemoConfig => Path.Combine(RepositoryPaths.Root, "samples", "appsettings.demo.json");

    public static string DemoModel => Path.Combine(RepositoryPaths.Root, "samples", "routing.model.zip");

    /// <summary>Every <paramref name="step"/>-th request of the training set (from <paramref name="offset"/>), as a file in <paramref name="folder"/>.</summary>
    public static string Subset(string folder, int step, int offset = 0)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Training));
        var requests = document.RootElement.GetProperty("requests").EnumerateArray().Where((_, i) => i % step == offset).ToList();
        var path = Path.Combine(folder, $"training-{step}-{offset}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { requests }));
        return path;
    }

    /// <summary>A configuration with the store and the models under <paramref name="folder"/>/data and the model on.</summary>
    public static string Config(string folder, object? channels = null) => JsonConfigFile.Write(folder, new
    {
        Store = new { DataDirectory = Path.Combine(folder, "data") },
        Receipts = new { Enabled = false },
        Routing = new { Model = new { Enabled = true, Folds = 3, CheckInterval = "00:00:00.200" } },
        Channels = channels ?? new { },
    });
}
