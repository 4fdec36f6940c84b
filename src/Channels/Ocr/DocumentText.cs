namespace ContactCenter.Channels.Ocr;

/// <summary>Every page of a scanned letter, a fax or a PDF, in order.</summary>
internal sealed record DocumentText(IReadOnlyList<PageText> Pages)
{
    /// <summary>Mean confidence over the pages that are not blank; 0 when there are none.</summary>
    public double MeanConfidence =>
        Pages.Where(p => !p.IsBlank).Select(p => p.Confidence).DefaultIfEmpty(0).Average();

    /// <summary>
    /// True when a person should check the text: some OCR'd page read below <paramref name="minConfidence"/>
    /// (ContactCenter:Ocr:MinConfidence), or no page had any text at all.
    /// </summary>
    public bool NeedsReview(double minConfidence) =>
        Pages.All(p => p.IsBlank) || Pages.Any(p => !p.IsBlank && p.Source == PageTextSource.Ocr && p.Confidence < minConfidence);
}
