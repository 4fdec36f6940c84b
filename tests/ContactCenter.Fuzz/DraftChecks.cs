using ContactCenter.Channels.Email;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;

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

    /// <summary>
    /// Every attachment read from its original decodes back from its slice to the hash its record names: an offset or
    /// a transfer encoding recorded wrong would otherwise surface only when an operator opens the file.
    /// </summary>
    public static void ReadsBack(TicketDraft draft, IContentArchive archive)
    {
        foreach (var attachment in draft.Attachments.Where(a => a.InOriginal is not null))
        {
            Require(attachment.InOriginal!.Sha256 == draft.Original?.Sha256, "attachment sliced from another original");
            try
            {
                // Hashed as it decodes, as store verify reads it: nothing spooled for each input.
                var actual = OriginalSliceReader.HashOf(archive, attachment.Sha256, attachment.InOriginal);
                Require(actual == attachment.Sha256, $"attachment {attachment.Sha256} decodes from its slice to bytes hashing to {actual}");
            }
            catch (InvalidDataException ex)
            {
                Require(false, ex.Message);
            }
        }
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Draft invariant broken: " + problem);
        }
    }
}
