using System.Text.RegularExpressions;
using PhoneNumbers;

namespace ContactCenter.Channels.Paper;

/// <summary>
/// Finds phone and fax numbers: labelled ones first ("Tel.", "Cell.", "Fax", "Tel./Fax"), then, for the phone only,
/// any valid Italian number libphonenumber recognises in the text.
/// </summary>
internal static partial class PhoneFinder
{
    public static PhoneNumbersFound Find(string text)
    {
        string? phone = null;
        string? fax = null;
        foreach (Match match in Labelled().Matches(text))
        {
            var number = ItalianPhoneNumber.ToE164(match.Groups["num"].Value);
            if (number is null)
            {
                continue;
            }

            var label = match.Groups["label"].Value.ToLowerInvariant();
            var isFax = label.Contains("fax", StringComparison.Ordinal);
            var isPhone = !isFax || label.Contains("tel", StringComparison.Ordinal) && label != "telefax";
            if (isFax)
            {
                fax ??= number;
            }

            if (isPhone)
            {
                phone ??= number;
            }
        }

        phone ??= FirstUnlabelled(text, fax);
        return new PhoneNumbersFound(phone, fax);
    }

    private static string? FirstUnlabelled(string text, string? fax)
    {
        var util = PhoneNumberUtil.GetInstance();
        foreach (var match in util.FindNumbers(text, ItalianPhoneNumber.DefaultRegion, PhoneNumberUtil.Leniency.VALID, 100))
        {
            var number = util.Format(match.Number, PhoneNumberFormat.E164);
            if (number != fax)
            {
                return number;
            }
        }

        return null;
    }

    [GeneratedRegex(
        @"(?<label>\b(?:tel(?:efono)?\.?\s*(?:[/e]|ed)\s*fax|telefax|fax|tel(?:efono|\.)?|cell(?:ulare|\.)?|mobile|recapito\s+telefonico))\s*(?:n\.|nr\.|num\.)?\s*[:.\-]?\s*(?<num>(?:\+|00)?\d[\d \t./\-()]{4,20}\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Labelled();
}
