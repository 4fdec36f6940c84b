using System.Text;

namespace ContactCenter.Testing.Scans;

/// <summary>Character accuracy of OCR output: 1 − Levenshtein(expected, actual) / length(expected), whitespace collapsed.</summary>
public static class TextAccuracy
{
    /// <summary>Word accuracy: 1 − word-level Levenshtein(expected, actual) / words expected (ISRI's measure).</summary>
    public static double OfWords(string expected, string actual)
    {
        var a = Normalise(expected).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = Normalise(actual).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return a.Length == 0 ? (b.Length == 0 ? 1 : 0) : Math.Max(0, 1 - ((double)Distance(a, b) / a.Length));
    }

    public static double Of(string expected, string actual)
    {
        var a = Normalise(expected);
        var b = Normalise(actual);
        return a.Length == 0 ? (b.Length == 0 ? 1 : 0) : Math.Max(0, 1 - ((double)Distance(a, b) / a.Length));
    }

    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            builder.Append(builder.Length == 0 ? string.Empty : " ").Append(word);
        }

        // Typographic apostrophes and quotes are as right as straight ones.
        return builder.ToString().Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"').Normalize(NormalizationForm.FormC);
    }

    public static int Distance(string a, string b) => Distance(a.ToCharArray(), b.ToCharArray());

    private static int Distance<T>(T[] a, T[] b)
        where T : IEquatable<T>
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1].Equals(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
