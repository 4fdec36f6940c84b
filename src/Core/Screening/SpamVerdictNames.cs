namespace ContactCenter.Core.Screening;

/// <summary>The verdicts as written in metadata and metrics (lower case).</summary>
public static class SpamVerdictNames
{
    public static string Name(this SpamVerdict verdict) => verdict.ToString().ToLowerInvariant();

    /// <summary>The verdict a draft's metadata records, or null when it was not screened.</summary>
    public static SpamVerdict? Of(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(MailScreeningKeys.SpamVerdict, out var value) && Enum.TryParse<SpamVerdict>(value, ignoreCase: true, out var verdict)
            ? verdict
            : null;
}
