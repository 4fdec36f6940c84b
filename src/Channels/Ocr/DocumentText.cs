namespace ContactCenter.Channels.Ocr;

/// <summary>Every page of a scanned letter, a fax or a PDF, in order.</summary>
internal sealed record DocumentText(IReadOnlyList<PageText> Pages)
{
    /// <summary>Mean confidence over the pages that are not blank; 0 when there are none.</summary>
    public double MeanConfidence =>
        Pages.Where(p => !p.IsBlank).Select(p => p.Confidence).DefaultIfEmpty(0).Average();
}
