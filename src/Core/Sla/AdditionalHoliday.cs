using System.Globalization;

namespace ContactCenter.Core.Sla;

/// <summary>A configured holiday: every year on a month and day ("MM-dd"), or once ("yyyy-MM-dd").</summary>
internal sealed record AdditionalHoliday(int? Year, int Month, int Day, string Name)
{
    public static bool TryParse(string? text, out AdditionalHoliday holiday)
    {
        holiday = null!;
        var trimmed = text?.Trim() ?? "";
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var datePart = space < 0 ? trimmed : trimmed[..space];
        var name = space < 0 ? "festività locale" : trimmed[(space + 1)..].Trim();
        if (DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            holiday = new AdditionalHoliday(date.Year, date.Month, date.Day, name);
            return true;
        }

        // A leap year, so "02-29" is accepted; it then only applies in leap years.
        if (DateOnly.TryParseExact("2000-" + datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var yearly))
        {
            holiday = new AdditionalHoliday(null, yearly.Month, yearly.Day, name);
            return true;
        }

        return false;
    }

    public DateOnly? In(int year) =>
        (Year is null || Year == year) && Day <= DateTime.DaysInMonth(year, Month) ? new DateOnly(year, Month, Day) : null;
}
