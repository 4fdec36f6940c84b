using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Voice;

/// <summary>The caller's number in E.164 with libphonenumber (default region Italy), as PBX trunks hand it over.</summary>
internal static class VoicemailCaller
{
    public static string? ToE164(string? number)
    {
        if (ItalianPhoneNumber.ToE164(number) is { } e164)
        {
            return e164;
        }

        // Some trunks send the international number without its "+" (393331234567).
        var digits = new string((number ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.StartsWith("39", StringComparison.Ordinal) && digits.Length >= 11 && !(number ?? "").TrimStart().StartsWith('0')
            ? ItalianPhoneNumber.ToE164("+" + digits)
            : null;
    }
}
