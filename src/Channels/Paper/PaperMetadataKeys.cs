namespace ContactCenter.Channels.Paper;

/// <summary>
/// Keys of <see cref="Core.Intake.InboundItem.Metadata"/> for paper and fax items, stored on the ticket as they are
/// (documented in the README: keep them stable). Keys starting with <see cref="InstructionPrefix"/> tell the
/// normaliser how the channel wants the file read; they are not copied to the draft.
/// </summary>
internal static class PaperMetadataKeys
{
    public const string CategoryHint = "scan.folder";
    public const string Tsi = "fax.tsi";
    public const string CallerId = "fax.callerId";
    public const string CallerName = "fax.callerName";
    public const string SpoolFile = "fax.spoolFile";
    public const string Pages = "paper.pages";
    public const string Part = "paper.part";
    public const string Cap = "paper.cap";
    public const string Town = "paper.town";
    public const string Province = "paper.province";

    public const string InstructionPrefix = "read.";
    public const string SplitOnBlankPages = "read.splitOnBlankPages";
    public const string SeparatorText = "read.separatorText";
    public const string MaxBytes = "read.maxBytes";
}
