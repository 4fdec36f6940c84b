namespace ContactCenter.Workers.Backoffice;

/// <summary>Where the control API serves archived files: the same paths for the endpoints and the CLI's client.</summary>
internal static class ArchivedFileRoutes
{
    public const string TicketFilePattern = "/api/tickets/{number}/files/{sha256}";
    public const string QuarantineOriginalPattern = "/api/quarantine/{id:int}/original";
    public const string SpamOriginalPattern = "/api/spam/{id:int}/original";

    public static string TicketFile(string number, string sha256) =>
        $"api/tickets/{Uri.EscapeDataString(number.Trim())}/files/{sha256.ToLowerInvariant()}";

    public static string QuarantineOriginal(int id) => $"api/quarantine/{id}/original";

    public static string SpamOriginal(int id) => $"api/spam/{id}/original";
}
