using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// The signature name: the first line that looks like a person's name after a closing ("Distinti saluti",
/// "Cordiali saluti", "In fede", ...), or the name after "Il/La sottoscritto/a" when there is no closing.
/// </summary>
internal static partial class SignatureFinder
{
    private const int LinesAfterClosing = 4;

    public static string? Find(LetterLines letter)
    {
        var lines = letter.Lines;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            var closing = Closing().Match(lines[i]);
            if (!closing.Success)
            {
                continue;
            }

            var sameLine = lines[i][(closing.Index + closing.Length)..].Trim(' ', ',', '.', ';', '-');
            if (LooksLikeName(sameLine))
            {
                return Tidy(sameLine);
            }

            for (var j = i + 1; j < lines.Count && j <= i + LinesAfterClosing; j++)
            {
                // "Il Responsabile del Servizio" looks like capitalised words but is the role: the signer is under it.
                if (RoleLine().IsMatch(lines[j].Trim()))
                {
                    continue;
                }

                var candidate = Role().Replace(lines[j], "").Trim(' ', ',', '.');
                if (LooksLikeName(candidate))
                {
                    return Tidy(candidate);
                }
            }
        }

        var undersigned = Undersigned().Match(string.Join('\n', lines));
        return undersigned.Success ? Tidy(undersigned.Groups["name"].Value) : FindUnderRole(lines);
    }

    /// <summary>A letter closing with a role and a name ("Il presidente" / "Luca Verdi") and no salutation.</summary>
    private static string? FindUnderRole(IReadOnlyList<string> lines)
    {
        var last = lines.Select((line, index) => (line, index)).Where(l => l.line.Length > 0).TakeLast(2).ToList();
        return last.Count == 2 && RoleLine().IsMatch(last[0].line) && LooksLikeName(last[1].line) ? Tidy(last[1].line) : null;
    }

    public static bool IsClosing(string line) => Closing().Match(line) is { Success: true, Index: 0 };

    private static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 5
            && words.All(w => NameWord().IsMatch(w))
            && words.Count(w => char.IsUpper(w[0])) >= 2
            && !NotAName().IsMatch(text);
    }

    private static string Tidy(string name) => Whitespace().Replace(name, " ").Trim();

    [GeneratedRegex(
        @"\b(?:distinti\s+saluti|cordiali\s+saluti|cordialmente|in\s+fede|con\s+osservanza|saluti\s+cordiali|distinti\s+ossequi|ringraziando\s+anticipatamente|i\s+migliori\s+saluti|saluti)\b[.,!]?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Closing();

    [GeneratedRegex(@"^(?:il|la)\s+(?:richiedente|sottoscritt[oa]|segnalante|dichiarante)\s*[:,]?\s*|^(?:firma(?:to)?|f\.to)\s*[:.]?\s*|^(?:geom|ing|arch|dott(?:\.?ssa)?|avv|rag|prof(?:\.?ssa)?|sig(?:\.?ra)?)\.\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Role();

    [GeneratedRegex(@"^(?:\p{Lu}\.|[\p{L}][\p{L}'’\-]*\.?)$")]
    private static partial Regex NameWord();

    [GeneratedRegex(@"\b(?:firma|allegat|pagina|oggetto|saluti|protezione|comune|ufficio|spett)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\b(?i:il|la)\s+(?i:sottoscritt[oa])\s+(?<name>\p{Lu}[\p{L}'’]+(?:[ \t]+\p{Lu}[\p{L}'’]+){1,3})")]
    private static partial Regex Undersigned();

    [GeneratedRegex(
        @"^(?:il|la|l['’]\s*)\s*(?:presidente|sindac[oa]|vice\s*sindac[oa]|direttore|direttrice|responsabile|segretari[oa]|legale\s+rappresentante|coordinatore|coordinatrice|titolare|amministratore|amministratrice|dirigente|funzionari[oa]|capo|comandante|assessore|prefetto|commissari[oa]|referente|istruttore|istruttrice|incaricat[oa])\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoleLine();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
