namespace ContactCenter.Channels.Paper;

/// <summary>
/// Keys of <see cref="Core.Intake.InboundItem.Metadata"/> for paper and fax items. Keys starting with
/// <see cref="InstructionPrefix"/> tell the normaliser how the channel wants the file read; they are not copied to the draft.
/// </summary>
internal static class PaperMetadataKeys
{
    public const string CategoryHint = "categoryHint";
    public const string Tsi = "tsi";
    public const string CallerId = "callerId";
    public const string CallerName = "callerName";
    public const string Pages = "pages";
    public const string Part = "part";
    public const string Cap = "cap";
    public const string Town = "town";
    public const string Province = "province";

    public const string InstructionPrefix = "paper.";
    public const string SplitOnBlankPages = "paper.splitOnBlankPages";
    public const string SeparatorText = "paper.separatorText";
    public const string MaxBytes = "paper.maxBytes";
}
