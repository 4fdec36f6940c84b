using PhoneNumbers;

namespace ContactCenter.Channels.Paper;

/// <summary>Normalises a written phone or fax number to E.164 (default region Italy) with libphonenumber.</summary>
internal static class ItalianPhoneNumber
{
    public const string DefaultRegion = "IT";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>E.164 (e.g. <c>+390612345678</c>) or null when the text is not a valid number.</summary>
    public static string? ToE164(string? text, string region = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Count(char.IsAsciiDigit) < 6)
        {
            return null;
        }

        // "0039 06 ..." is how Italians write the international prefix; libphonenumber wants "+39".
        var cleaned = text.Trim();
        if (cleaned.StartsWith("00", StringComparison.Ordinal))
        {
            cleaned = "+" + cleaned[2..];
        }

        try
        {
            var number = Util.Parse(cleaned, region);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
