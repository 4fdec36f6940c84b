using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// The Italian codice fiscale: 16 characters whose last one is a check letter computed with the official odd/even
/// tables. Digits may be replaced by the letters LMNPQRSTUV (omocodia), so the pattern allows them.
/// </summary>
internal static partial class FiscalCode
{
    // Value of each of 0-9 then A-Z at an odd (1st, 3rd, ...) position; even positions use 0-9 and A=0..Z=25.
    private static readonly int[] OddDigits = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];

    private static readonly int[] OddLetters =
        [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    /// <summary>
    /// The first valid code in the text (upper-cased), or null. Look-alikes with a wrong check letter are skipped;
    /// when no code is valid as read, one misread by OCR (5 read as S, 0 as O...) is repaired if its check letter then
    /// holds (see <see cref="FiscalCodeOcrRepair"/>).
    /// </summary>
    public static string? Find(string text)
    {
        var upper = text.ToUpperInvariant();
        foreach (Match match in Candidate().Matches(upper))
        {
            if (IsValid(match.Value))
            {
                return match.Value;
            }
        }

        foreach (Match match in Misread().Matches(upper))
        {
            if (FiscalCodeOcrRepair.Repair(match.Value) is { } repaired)
            {
                return repaired;
            }
        }

        return null;
    }

    public static bool IsValid(string code)
    {
        if (code.Length != 16 || !Candidate().IsMatch(code.ToUpperInvariant()))
        {
            return false;
        }

        var upper = code.ToUpperInvariant();
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = upper[i];
            var odd = i % 2 == 0; // position i+1 is odd
            sum += char.IsAsciiDigit(c)
                ? odd ? OddDigits[c - '0'] : c - '0'
                : odd ? OddLetters[c - 'A'] : c - 'A';
        }

        return upper[15] == (char)('A' + (sum % 26));
    }

    [GeneratedRegex(@"\b[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]\b")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"\b[A-Z0-9]{16}\b")]
    private static partial Regex Misread();
}
