namespace ContactCenter.WebForm.Submission;

/// <summary>What became of a submission, once the store has answered.</summary>
internal sealed record SubmissionResult(SubmissionResultKind Kind, string? TicketNumber, DateTimeOffset? DueAt, string? Reason)
{
    public static SubmissionResult Stored(SubmissionResultKind kind, string? number, DateTimeOffset? dueAt) => new(kind, number, dueAt, null);

    public static readonly SubmissionResult KeyReused = new(SubmissionResultKind.KeyReused, null, null, null);

    public static SubmissionResult Quarantined(string reason) => new(SubmissionResultKind.Quarantined, null, null, reason);
}
