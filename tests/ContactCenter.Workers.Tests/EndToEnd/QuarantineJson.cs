using System.Text.Json;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>One record of <c>quarantine list --json</c>.</summary>
internal sealed record QuarantineJson(int Id, string SourceKey, string ChannelName, string Reason, string Status, JsonElement? Original)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static List<QuarantineJson> Parse(string output) => JsonSerializer.Deserialize<List<QuarantineJson>>(output, Json)!;
}
