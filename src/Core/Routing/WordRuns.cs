using System.Globalization;

namespace ContactCenter.Core.Routing;

/// <summary>
/// The runs of word characters in a text, as the rules split it: apostrophes split words ("dell'alluvione" -> "dell",
/// "alluvione"); a combining accent stays inside its word. A struct enumerator, so scanning allocates nothing.
/// </summary>
internal struct WordRuns(string text)
{
    private int next;

    public (int Start, int Length) Current { get; private set; }

    public readonly WordRuns GetEnumerator() => this;

    public bool MoveNext()
    {
        var start = next;
        while (start < text.Length && !IsWordChar(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && IsWordChar(text[end]))
        {
            end++;
        }

        next = end;
        Current = (start, end - start);
        return end > start;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
}
