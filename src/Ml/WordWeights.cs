using System.Globalization;

namespace ContactCenter.Ml;

/// <summary>
/// Turns the linear model's per-feature contributions (feature value times weight) into the words of the request
/// that carry them: a word n-gram counts for its words, a character n-gram for the words it is part of, so
/// "crepe" gets the weight of "crep" and "repe" too. Words pulling towards the prediction come first.
/// </summary>
internal static class WordWeights
{
    public static IReadOnlyList<string> Top(string text, float[] features, string[] slots, float[] contributions, int count)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).Distinct(StringComparer.Ordinal).ToArray();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var length = Math.Min(features.Length, Math.Min(slots.Length, contributions.Length));
        for (var j = 0; j < length; j++)
        {
            if (features[j] == 0 || contributions[j] == 0)
            {
                continue;
            }

            var owners = Owners(slots[j], words);
            foreach (var owner in owners)
            {
                scores[owner] = scores.GetValueOrDefault(owner) + (double)features[j] * contributions[j] / owners.Count;
            }
        }

        return scores.Where(s => s.Value > 0).OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).Take(count)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{(s.Key == RoutingText.QuestionMark ? "?" : s.Key)} (+{s.Value:0.00})")).ToArray();
    }

    /// <summary>
    /// ML.NET names word slots "Word.a|b" (a word n-gram) and character slots "Char.a|b|c|d", where a space is
    /// "&lt;␟&gt;" and the text's ends "&lt;␂&gt;" and "&lt;␃&gt;".
    /// </summary>
    private static List<string> Owners(string slot, string[] words)
    {
        if (slot.StartsWith("Word.", StringComparison.Ordinal))
        {
            return slot[5..].Split('|').Where(p => words.Contains(p, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        }

        if (!slot.StartsWith("Char.", StringComparison.Ordinal))
        {
            return [];
        }

        var parts = slot[5..].Split('|');

        var gram = string.Concat(parts.Select(p => p.Length == 1 ? p : " "));
        var piece = gram.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(p => p.Length).FirstOrDefault();
        return piece is { Length: >= 2 } ? words.Where(w => w.Contains(piece, StringComparison.Ordinal)).ToList() : [];
    }
}
