namespace ContactCenter.Channels.Paper;

/// <summary>
/// Repairs a codice fiscale misread by OCR: where a letter must stand a look-alike digit is read back as its letter,
/// where a digit must stand (or an omocodia letter) a look-alike letter as its digit. A repair is kept only when the
/// check letter then holds, and only when exactly one repair with the fewest changes does, so the control character
/// decides and an ambiguous reading is refused rather than guessed.
/// </summary>
internal static class FiscalCodeOcrRepair
{
    private const int MaxChanges = 2;
    private const string Omocodes = "LMNPQRSTUV";
    private const string MonthLetters = "ABCDEHLMPRST";

    // Positions (0-based) of the year, day and town digits; omocodia may write any of them as a letter.
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];

    /// <summary>The one valid code <paramref name="read"/> (16 upper-case letters or digits) repairs to, or null.</summary>
    public static string? Repair(string read)
    {
        if (read.Length != 16)
        {
            return null;
        }

        var options = new List<char[]>(16);
        for (var i = 0; i < 16; i++)
        {
            options.Add(Options(i, read[i]));
            if (options[i].Length == 0)
            {
                return null;
            }
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        var chars = new char[16];
        for (var changes = 0; changes <= MaxChanges && found.Count == 0; changes++)
        {
            Collect(read, options, chars, 0, changes, found);
        }

        return found.Count == 1 ? found.First() : null;
    }

    // Tries every way to make exactly `left` changes from position `at` on, keeping what validates.
    private static void Collect(string read, List<char[]> options, char[] chars, int at, int left, HashSet<string> found)
    {
        if (at == 16)
        {
            var code = new string(chars);
            if (left == 0 && FiscalCode.IsValid(code))
            {
                found.Add(code);
            }

            return;
        }

        foreach (var option in options[at])
        {
            var change = option == read[at] ? 0 : 1;
            if (change <= left)
            {
                chars[at] = option;
                Collect(read, options, chars, at + 1, left - change, found);
            }
        }
    }

    private static char[] Options(int position, char c)
    {
        if (Array.IndexOf(DigitPositions, position) >= 0)
        {
            var digit = AsDigit(c);
            return char.IsAsciiDigit(c) ? [c]
                : Omocodes.Contains(c, StringComparison.Ordinal) ? digit is null ? [c] : [c, digit.Value]
                : digit is null ? [] : [digit.Value];
        }

        var allowed = position == 8 ? MonthLetters : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var letters = char.IsAsciiLetterUpper(c) ? new[] { c } : AsLetters(c);
        return letters.Where(l => allowed.Contains(l, StringComparison.Ordinal)).ToArray();
    }

    private static char? AsDigit(char c) => c switch
    {
        'O' => '0',
        'I' or 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => null,
    };

    private static char[] AsLetters(char c) => c switch
    {
        '0' => ['O'],
        '1' => ['I', 'L'],
        '2' => ['Z'],
        '5' => ['S'],
        '6' => ['G'],
        '8' => ['B'],
        _ => [],
    };
}
