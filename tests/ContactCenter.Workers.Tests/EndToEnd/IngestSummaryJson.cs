using System.Text.Json;

namespace ContactCenter.Workers.Tests.EndToEnd;

internal sealed record IngestSummaryJson(int Fetched, int Created, int FollowUps, int AutoMail, int Duplicates, int Quarantined, int AlreadyStored, string? Failed)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IngestSummaryJson Single(string output) =>
        JsonSerializer.Deserialize<List<IngestSummaryJson>>(output, Json)!.Should().ContainSingle().Subject;

    public static int TicketCount(string listOutput) =>
        JsonDocument.Parse(listOutput).RootElement.GetProperty("count").GetInt32();

    public static List<JsonElement> Tickets(string listOutput) =>
        JsonDocument.Parse(listOutput).RootElement.GetProperty("tickets").EnumerateArray().ToList();
}
