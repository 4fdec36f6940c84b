using ContactCenter.Core.Intake;

namespace ContactCenter.Fuzz;

/// <summary>Invariants every accepted draft must keep, whatever the input; a violation is reported as a crash.</summary>
internal static class DraftChecks
{
    public static void Verify(TicketDraft draft)
    {
        Require(draft.Original is not null, "no archived original");
        foreach (var attachment in draft.Attachments)
        {
            Require(attachment.FileName == SafeFileName.From(attachment.FileName, attachment.FileName), $"unsafe attachment name '{attachment.FileName}'");
            Require(attachment.Sha256.Length == 64, "attachment without a digest");
        }

        Require(draft.Subject is not null && draft.TextBody is not null, "null subject or body");
        Require(draft.HtmlBody is null || !draft.HtmlBody.Contains("<script", StringComparison.OrdinalIgnoreCase), "script left in sanitised HTML");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Draft invariant broken: " + problem);
        }
    }
}
