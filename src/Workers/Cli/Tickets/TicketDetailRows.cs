using System.Globalization;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Cli.Tickets;

/// <summary>
/// The name/value rows at the top of <c>tickets show</c>: what an operator needs before the text, and only the fields a
/// ticket has (a letter has an address and no e-mail, a voicemail has a reason to be heard first).
/// </summary>
internal static class TicketDetailRows
{
    public static IEnumerable<(string Name, string Value)> Of(Ticket t, CliDates dates)
    {
        yield return ("Number", t.Number);
        yield return ("Times in", dates.ZoneName);
        yield return ("Status", t.Status + (t.ClosedAt is { } closed ? $" ({dates.Format(closed)})" : ""));
        if (t.NeedsReview)
        {
            yield return ("Review", t.ReviewReason is { Length: > 0 } reason ? reason : "needed");
        }

        yield return ("Channel", $"{t.Channel} / {t.ChannelName}");
        yield return ("Received", dates.Format(t.ReceivedAt));
        yield return ("From", PartyText(t.Sender));
        foreach (var row in Optional(("Address", t.Sender.PostalAddress), ("Fiscal code", t.Sender.FiscalCode), ("Linked to", t.LinkedTicketNumber)))
        {
            yield return row;
        }

        yield return ("Subject", t.Subject);
        yield return ("Level", $"{(int)t.Classification.Level} {t.Classification.Category} (rule {t.Classification.RuleName}{(t.Classification.IsCorrection ? ", corrected" : "")})");
        yield return ("Why", string.Join("; ", t.Classification.Matches));
        if (t.Classification.Model is { } model)
        {
            yield return ("Model", Classify.ModelText.Describe(model));
        }

        yield return ("Due", dates.Format(t.DueAt) + (t.IsSuspended ? $" (suspended, waiting for {t.Suspensions[^1].WaitingFor})" : ""));
        if (t.OcrConfidence is { } confidence)
        {
            yield return ("OCR confidence", confidence.ToString("0.0", CultureInfo.InvariantCulture));
        }

        if (t.TextUnavailable is { } unavailable)
        {
            yield return ("Text", $"not classified: {unavailable}");
        }

        if (t.Messages.FirstOrDefault()?.Original is { } original)
        {
            yield return ("Original", AttachmentText(original));
        }

        yield return ("Attachments", string.Join(", ", t.Attachments.Select(AttachmentText)));
    }

    /// <summary>"Name &lt;address&gt; phone fax" with only the parts the sender gave.</summary>
    public static string PartyText(Party p) => string.Join(' ', new[]
    {
        p.DisplayName,
        string.IsNullOrWhiteSpace(p.Email) ? null : $"<{p.Email}>",
        p.Phone,
        string.IsNullOrWhiteSpace(p.Fax) ? null : $"fax {p.Fax}",
    }.Where(part => !string.IsNullOrWhiteSpace(part)));

    private static string AttachmentText(TicketAttachment a) => $"{a.FileName} ({a.Size.ToString(CultureInfo.InvariantCulture)} B)";

    private static IEnumerable<(string, string)> Optional(params (string Name, string? Value)[] rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Value)).Select(r => (r.Name, r.Value!));
}
