using System.Globalization;
using System.Text.RegularExpressions;

namespace ContactCenter.Core.Tickets;

/// <summary>Ticket numbers look like <c>PC-2026-000042</c>: prefix, year, a per-year sequence never reused.</summary>
public static partial class TicketNumber
{
    public static string Format(string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year:D4}-{sequence:D6}");

    /// <summary>Finds a ticket number of the given prefix anywhere in a subject or text (e.g. "RE: [PC-2026-000042]").</summary>
    public static bool TryFind(string? text, string prefix, out string number)
    {
        number = "";
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        foreach (Match match in NumberPattern().Matches(text))
        {
            if (string.Equals(match.Groups["prefix"].Value, prefix, StringComparison.OrdinalIgnoreCase))
            {
                number = Format(prefix, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture));
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?<prefix>[A-Za-z]{1,10})-(?<year>\d{4})-(?<seq>\d{6})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
