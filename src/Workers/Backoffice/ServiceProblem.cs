using System.Text.Json;

namespace ContactCenter.Workers.Backoffice;

/// <summary>The fields of a problem (RFC 9457) that the client acts on or shows.</summary>
internal sealed record ServiceProblem(string? Type, string? Title, string? Detail)
{
    /// <summary>Null when the body is not a JSON object: the caller then shows it as text.</summary>
    public static ServiceProblem? TryRead(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object ? new ServiceProblem(Text(root, "type"), Text(root, "title"), Text(root, "detail")) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
