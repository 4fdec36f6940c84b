using System.ComponentModel.DataAnnotations;

namespace ContactCenter.Channels.Paper;

/// <summary>How scanned letters and faxes become drafts (<c>ContactCenter:Paper</c>).</summary>
internal sealed class PaperOptions
{
    public const string SectionName = "ContactCenter:Paper";

    /// <summary>Below this mean OCR confidence (0..100) a ticket is flagged for review.</summary>
    [Range(0, 100)]
    public double MinConfidence { get; set; } = 60;

    /// <summary>A batch scan split into more letters than this goes to quarantine instead.</summary>
    [Range(1, 1000)]
    public int MaxPartsPerFile { get; set; } = 100;
}
