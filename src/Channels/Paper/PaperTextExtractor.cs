using System.Globalization;
using ContactCenter.Channels.Ocr;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// Turns the pages of one letter or fax into its body, subject, sender's details and review flag (below
/// <c>ContactCenter:Ocr:MinConfidence</c>).
/// </summary>
internal sealed class PaperTextExtractor(IOptions<OcrOptions> options)
{
    public const string NoReadableText = "nessuna pagina con testo leggibile";

    public PaperExtraction Extract(IReadOnlyList<PageText> pages)
    {
        var readable = pages.Where(p => !IsEmpty(p)).ToList();
        // With nothing readable the joined body holds only page markers, which the subject finder took for a subject.
        var body = readable.Count == 0 ? "" : PageBody.Join(pages);
        var letter = new LetterLines(body);
        var senderText = letter.SenderText;
        var signature = SignatureFinder.Find(letter);
        var phones = PhoneFinder.Find(senderText);
        var mean = readable.Count == 0 ? 0 : readable.Average(p => p.Confidence);
        var reasons = ReviewReasons(pages, readable.Count, mean);

        return new PaperExtraction
        {
            Subject = SubjectFinder.Find(letter, signature),
            Body = body,
            Email = EmailFinder.Find(senderText),
            Phone = phones.Phone,
            Fax = phones.Fax,
            FiscalCode = FiscalCode.Find(senderText),
            Address = PostalAddressFinder.Find(letter),
            SignatureName = signature,
            PageConfidences = pages.Select(p => Math.Round(p.Confidence, 1)).ToList(),
            MeanConfidence = Math.Round(mean, 1),
            NeedsReview = reasons.Count > 0,
            ReviewReason = reasons.Count > 0 ? string.Join("; ", reasons) : null,
            TextUnavailable = readable.Count == 0 ? NoReadableText : null,
        };
    }

    private List<string> ReviewReasons(IReadOnlyList<PageText> pages, int readableCount, double mean)
    {
        var reasons = new List<string>();
        if (readableCount == 0)
        {
            reasons.Add(NoReadableText);
        }
        else if (mean < options.Value.MinConfidence)
        {
            reasons.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"confidenza media dell'OCR {mean:0.#} sotto la soglia di {options.Value.MinConfidence:0.#}"));
        }

        if (readableCount > 0)
        {
            reasons.AddRange(pages.Where(IsEmpty).Select(p => $"pagina {p.Number} bianca"));
        }

        return reasons;
    }

    private static bool IsEmpty(PageText page) => page.IsBlank || string.IsNullOrWhiteSpace(page.Text);
}
