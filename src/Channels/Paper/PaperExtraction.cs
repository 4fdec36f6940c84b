namespace ContactCenter.Channels.Paper;

/// <summary>What a scanned letter or fax says about itself: text, subject, the sender's details and OCR quality.</summary>
internal sealed record PaperExtraction
{
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? Fax { get; init; }
    public string? FiscalCode { get; init; }
    public PostalAddress? Address { get; init; }
    public string? SignatureName { get; init; }
    public required IReadOnlyList<double> PageConfidences { get; init; }
    public required double MeanConfidence { get; init; }
    public bool NeedsReview { get; init; }
    public string? ReviewReason { get; init; }

    /// <summary>Set when no page gave readable text: the ticket's subject and text are then the service's, not the sender's.</summary>
    public string? TextUnavailable { get; init; }
}
