using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Paper;

/// <summary>One letter of a (possibly batch) scan: its pages, numbered as in the file.</summary>
internal sealed record DocumentPart(int PartNumber, IReadOnlyList<PageText> Pages)
{
    public string PageRange => Pages.Count == 1
        ? Pages[0].Number.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"{Pages[0].Number}-{Pages[^1].Number}";
}
