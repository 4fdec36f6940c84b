namespace ContactCenter.Core.Routing;

/// <summary>
/// A deliberately light Italian stemmer: it only removes what number and gender change, so that
/// "terremoto"/"terremoti", "alluvione"/"alluvioni", "incendio"/"incendi", "sismico"/"sismiche" meet.
/// It does not touch derivation ("volontario" and "volontariato" stay apart; rules use "volontar*" for that).
/// Input must already be folded (lower case, no accents).
/// </summary>
internal static class ItalianStemmer
{
    public static string Stem(string folded)
    {
        if (folded.Length <= 3 || !folded.All(char.IsLetter))
        {
            return folded;
        }

        var stem = folded;
        if (IsVowel(stem[^1]))
        {
            stem = stem[..^1];
        }

        // "incendio" -> "incendi" -> "incend", the same as the plural "incendi" -> "incend".
        if (stem.Length >= 4 && stem[^1] == 'i')
        {
            stem = stem[..^1];
        }

        // Plurals of -co/-go/-ca/-ga keep the hard sound with an h: "boschi" -> "bosch" -> "bosc".
        if (stem.Length >= 4 && stem[^1] == 'h' && stem[^2] is 'c' or 'g')
        {
            stem = stem[..^1];
        }

        return stem;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
