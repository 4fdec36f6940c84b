namespace ContactCenter.Channels.Email;

/// <summary>
/// A cheap language guess from stop-word counts: enough to tell Italian (the norm) from English, nothing more.
/// Returns null when neither clearly dominates, so a later, better detector can still decide.
/// </summary>
internal static class LanguageGuesser
{
    private const int MaxWords = 2000;

    private static readonly char[] Separators =
        [' ', '\n', '\r', '\t', '.', ',', ';', ':', '!', '?', '(', ')', '"', '\'', '’', '«', '»', '-', '/', '[', ']'];

    private static readonly HashSet<string> Italian = new(StringComparer.OrdinalIgnoreCase)
    {
        "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "che", "e", "è", "per", "non", "un", "una",
        "sono", "con", "nel", "nella", "alla", "al", "da", "si", "ho", "mi", "ci", "come", "ma", "anche", "questo",
        "buongiorno", "buonasera", "gentile", "grazie", "cordiali", "saluti", "distinti", "salve",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "of", "to", "is", "are", "you", "your", "for", "with", "this", "that", "have", "please", "thank",
        "thanks", "regards", "dear", "hello", "we", "our", "be", "it", "on", "not",
    };

    public static string? Guess(string text)
    {
        int words = 0, italian = 0, english = 0;
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (++words > MaxWords)
            {
                break;
            }

            italian += Italian.Contains(word) ? 1 : 0;
            english += English.Contains(word) ? 1 : 0;
        }

        var needed = Math.Max(2, words / 20);
        if (italian >= needed && italian > english * 2)
        {
            return "it";
        }

        return english >= needed && english > italian * 2 ? "en" : null;
    }
}
