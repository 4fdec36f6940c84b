using System.Text.Json;

namespace ContactCenter.Testing;

public static class JsonConfigFile
{
    /// <summary>Writes an appsettings-shaped file for <c>--config</c> and returns its path.</summary>
    public static string Write(string folder, object settings)
    {
        var path = Path.Combine(folder, $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { ContactCenter = settings }));
        return path;
    }
}
