namespace ContactCenter.Workers.Backoffice;

/// <summary>Where the control API serves a ticket's file: the same path for the endpoint and the CLI's client.</summary>
internal static class TicketFileRoute
{
    public const string Pattern = "/api/tickets/{number}/files/{sha256}";

    public static string For(string number, string sha256) =>
        $"api/tickets/{Uri.EscapeDataString(number.Trim())}/files/{sha256.ToLowerInvariant()}";
}
