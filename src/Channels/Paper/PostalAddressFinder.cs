using System.Text.RegularExpressions;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// Finds the sender's street address: a "Via/Piazza/Corso ..." line followed on the same line or within the next two
/// lines by "CAP Town (PR)". Lines of the recipient block are skipped; a CAP line without a street is the fallback.
/// </summary>
internal static partial class PostalAddressFinder
{
    public static PostalAddress? Find(LetterLines letter)
    {
        PostalAddress? capOnly = null;
        for (var i = 0; i < letter.Lines.Count; i++)
        {
            if (letter.IsRecipient[i])
            {
                continue;
            }

            var line = letter.Lines[i];
            var street = Street().Match(line);
            if (street.Success)
            {
                var rest = line[(street.Index + street.Length)..];
                var place = FindPlace(rest) ?? FindPlaceBelow(letter, i);
                if (place is not null)
                {
                    return place with { Street = Clean(street.Value) };
                }
            }

            capOnly ??= FindPlace(line);
        }

        return capOnly;
    }

    /// <summary>True for a line that is (part of) an address: a street or a "CAP Town" line.</summary>
    public static bool IsAddressLine(string line) => Street().Match(line) is { Success: true, Index: 0 } || Place().IsMatch(line);

    private static PostalAddress? FindPlaceBelow(LetterLines letter, int streetLine)
    {
        for (var j = streetLine + 1; j <= streetLine + 2 && j < letter.Lines.Count; j++)
        {
            if (letter.IsRecipient[j])
            {
                return null;
            }

            if (FindPlace(letter.Lines[j]) is { } place)
            {
                return place;
            }
        }

        return null;
    }

    private static PostalAddress? FindPlace(string text)
    {
        var match = Place().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var province = match.Groups["prov"].Success ? match.Groups["prov"].Value
            : match.Groups["prov2"].Success ? match.Groups["prov2"].Value : null;
        return new PostalAddress(null, match.Groups["cap"].Value, Clean(match.Groups["town"].Value), province?.ToUpperInvariant());
    }

    private static string Clean(string value) =>
        Whitespace().Replace(value, " ").Trim().TrimEnd(',', ';', '-').Trim();

    [GeneratedRegex(
        @"(?<=^|\bin\s+|:\s*|,\s*)(?:via|viale|v\.le|piazza|p\.zza|p\.za|piazzale|corso|c\.so|largo|vicolo|vico|strada|località|loc\.|contrada|c\.da|borgo|lungomare|lungotevere|salita|traversa|frazione|fraz\.)\s+[^,\n\d]{2,60}?(?:,?\s*(?:n\.?\s*|n°\s*)?\d+[A-Za-z]?(?:/[A-Za-z0-9]+)?)?(?=\s*(?:[,;\-]|$|\d{5}\b))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    [GeneratedRegex(
        @"(?<!\d)(?<cap>\d{5})\s+(?<town>\p{Lu}[\p{L}'’.\- ]{1,40}?)\s*(?:\(\s*(?<prov>[A-Za-z]{2})\s*\)|-\s*(?<prov2>[A-Z]{2})\b)?\s*(?:[,;.]|$)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Place();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
