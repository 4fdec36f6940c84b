namespace ContactCenter.Channels.Email.Salvage;

/// <summary>
/// What salvage did to a message: repairs (kept in the draft's metadata, <c>mail.salvage</c>) and problems it could
/// only report (the ticket is flagged for review with them).
/// </summary>
internal sealed class MailSalvageReport
{
    public const string MetadataKey = "mail.salvage";

    public List<string> Repairs { get; } = [];

    public List<string> Problems { get; } = [];

    public void Repaired(string what) => Repairs.Add(what);

    public void Problem(string what) => Problems.Add(what);

    public void ApplyTo(Core.Intake.TicketDraft draft)
    {
        if (Repairs.Count > 0)
        {
            draft.Metadata[MetadataKey] = string.Join("; ", Repairs);
        }

        if (Problems.Count > 0)
        {
            draft.NeedsReview = true;
            draft.ReviewReason = string.Join("; ", draft.ReviewReason is { Length: > 0 } earlier ? [earlier, .. Problems] : Problems);
        }
    }
}
