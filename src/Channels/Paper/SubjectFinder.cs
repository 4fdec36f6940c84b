using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// The subject: the "Oggetto:" line ("OGGETTO", "Ogg.:"), continued onto the next lines when it wraps; otherwise the
/// first meaningful line, skipping dates, the recipient block, addresses, contact lines and salutations.
/// </summary>
internal static partial class SubjectFinder
{
    public const int MaxLength = 200;
    private const int MaxContinuationLines = 2;
    private const int WrappedLineLength = 45;
    private const int ParagraphEndRatio = 2;

    public static string Find(LetterLines letter, string? senderName)
    {
        var lines = letter.Lines;
        for (var i = 0; i < lines.Count; i++)
        {
            var match = SubjectLabel().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var subject = match.Groups["text"].Value.Trim();
            var lastLine = lines[i];
            for (var j = i + 1; j <= i + MaxContinuationLines && j < lines.Count && Continues(lastLine, lines[j]); j++)
            {
                subject += " " + lines[j];
                if (EndsParagraph(lastLine, lines[j]))
                {
                    break;
                }

                lastLine = lines[j];
            }

            if (subject.Length > 0)
            {
                return Shorten(subject);
            }
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (!letter.IsRecipient[i] && IsMeaningful(lines[i], senderName))
            {
                return Shorten(lines[i]);
            }
        }

        return "";
    }

    /// <summary>
    /// A wrapped subject goes on in lower case, or after a line long enough to have reached the margin; a short line
    /// followed by a capitalised one is a subject followed by the next block. Fax and OCR often lose the blank line
    /// after the subject, so a line opening a letter's first sentence ("Con la presente", "Il sottoscritto"), a
    /// salutation or a closing is never part of it.
    /// </summary>
    private static bool Continues(string line, string next) =>
        next.Length > 0
        && !line.EndsWith('.')
        && (char.IsLower(next[0]) || char.IsDigit(next[0]) || line.Length >= WrappedLineLength)
        && !Salutation().IsMatch(next)
        && !SentenceOpening().IsMatch(next)
        && !SubjectLabel().IsMatch(next)
        && !SignatureFinder.IsClosing(next)
        && !Date().IsMatch(next);

    /// <summary>A wrapped line much shorter than the one before is where the subject's paragraph stopped.</summary>
    private static bool EndsParagraph(string line, string next) =>
        line.Length >= WrappedLineLength && next.Length * ParagraphEndRatio < line.Length;

    private static bool IsMeaningful(string line, string? senderName) =>
        line.Count(char.IsLetter) >= 3
        && !Date().IsMatch(line)
        && !Salutation().IsMatch(line)
        && !Boilerplate().IsMatch(line)
        && !Contact().IsMatch(line)
        && !PostalAddressFinder.IsAddressLine(line)
        && FiscalCode.Find(line) is null
        && !string.Equals(line, senderName, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text)
    {
        var collapsed = Whitespace().Replace(text, " ").Trim();
        if (collapsed.Length <= MaxLength)
        {
            return collapsed;
        }

        var cut = collapsed.LastIndexOf(' ', MaxLength - 1);
        return collapsed[..(cut > MaxLength / 2 ? cut : MaxLength - 1)] + "…";
    }

    [GeneratedRegex(@"^\s*(?:[o0]ggetto|ogg\.?)\s*[:.\-–]\s*(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectLabel();

    [GeneratedRegex(
        @"^(?:[\p{L}' ]{2,30},?\s*(?:lì|li|addì)?\s*,?\s*)?\d{1,2}\s*(?:[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\s+(?:gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)\p{L}*\.?\s+\d{4})\s*\.?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Date();

    [GeneratedRegex(
        @"^(?:gentil[ei]|egregi|spett|cortese|caro|cara|cari|buongiorno|salve|alla\s+cortese|all['’]\s*attenzione|c\.a\.|p\.c\.|ill\.?\s*mo)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Salutation();

    [GeneratedRegex(
        @"^(?:con\s+la\s+presente|(?:il|la|io|lo)\s+(?:sottoscritt|scrivent)|(?:in|con)\s+riferimento|facendo\s+seguito|premesso|si\s+(?:chiede|comunica|segnala|richiede|trasmette)|(?:vi|le|ti)\s+scrivo|scrivo\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentenceOpening();

    [GeneratedRegex(
        @"^(?:prot(?:ocollo|\.)|raccomandata|anticipata\s+via|rif\.|riferimento|pag(?:ina|\.)\s*\d|trasmissione\s+fax|da:|a:|n\.\s*pagine|mittente|destinatario)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Boilerplate();

    [GeneratedRegex(@"@|^(?:tel|fax|cell|c\.\s*f\.|cod(?:ice)?\.?\s*fisc|p\.\s*iva|e-?mail|pec)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Contact();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
