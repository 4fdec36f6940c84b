using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Channels.Paper;

/// <summary>How scanned letters and faxes become drafts (<c>ContactCenter:Paper</c>); the review threshold is <c>ContactCenter:Ocr:MinConfidence</c>.</summary>
internal sealed class PaperOptions
{
    public const string SectionName = "ContactCenter:Paper";

    /// <summary>A batch scan split into more letters than this goes to quarantine instead.</summary>
    [Range(1, 1000)]
    public int MaxPartsPerFile { get; set; } = 100;
}
