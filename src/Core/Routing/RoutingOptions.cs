namespace ContactCenter.Core.Routing;

/// <summary>The ordered classification rules ("ContactCenter:Routing"); the first matching rule wins.</summary>
public sealed class RoutingOptions
{
    public const string SectionName = "ContactCenter:Routing";

    public List<RoutingRule> Rules { get; set; } = [];

    public RoutingTarget Default { get; set; } = new();

    /// <summary>Upper bound for one regular expression on one text, so a bad pattern cannot stall intake.</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Only the first characters of a subject or body are read: a 300-page OCR text says nothing more.</summary>
    public int MaxTextLength { get; set; } = 100_000;

    /// <summary>
    /// The office of the first rule that routes to <paramref name="category"/>, else the default office: where a ticket
    /// of that category goes when no rule chose its office (the model's category, an operator's correction).
    /// </summary>
    public string? OfficeFor(string category) =>
        Rules.FirstOrDefault(r => string.Equals(r.Category, category, StringComparison.Ordinal) && r.Office is not null)?.Office
        ?? Default.Office;
}
