using System.Globalization;
using System.Text;

namespace ContactCenter.Core.Routing;

/// <summary>Lower case without accents, so "Perché" and "perche", "CITTÀ" and "citta" compare equal.</summary>
internal static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
