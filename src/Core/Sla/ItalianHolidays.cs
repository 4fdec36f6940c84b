namespace ContactCenter.Core.Sla;

/// <summary>
/// Italian national public holidays (law 260/1949 and later), Easter Sunday and Monday by the Gregorian computus,
/// and the configured local ones (the patron saint of the city). 4 October (San Francesco d'Assisi and Santa
/// Caterina da Siena) is a national holiday again from 2026 (law 151/2025).
/// </summary>
public sealed class ItalianHolidays
{
    private static readonly (int Month, int Day, string Name)[] Fixed =
    [
        (1, 1, "Capodanno"), (1, 6, "Epifania"), (4, 25, "Festa della Liberazione"), (5, 1, "Festa del Lavoro"),
        (6, 2, "Festa della Repubblica"), (8, 15, "Ferragosto"), (11, 1, "Ognissanti"),
        (12, 8, "Immacolata Concezione"), (12, 25, "Natale"), (12, 26, "Santo Stefano"),
    ];

    private readonly IReadOnlyList<AdditionalHoliday> _additional;
    private readonly Dictionary<int, Dictionary<DateOnly, string>> _byYear = [];
    private readonly Lock _lock = new();

    /// <exception cref="FormatException">An additional holiday is neither "MM-dd" nor "yyyy-MM-dd".</exception>
    public ItalianHolidays(IEnumerable<string>? additional = null)
    {
        _additional = (additional ?? []).Select(a => AdditionalHoliday.TryParse(a, out var h)
            ? h
            : throw new FormatException($"\"{a}\" is not a holiday (MM-dd or yyyy-MM-dd).")).ToArray();
    }

    public bool IsHoliday(DateOnly date) => ForYear(date.Year).ContainsKey(date);

    public IReadOnlyList<Holiday> In(int year) =>
        ForYear(year).Select(p => new Holiday(p.Key, p.Value)).OrderBy(h => h.Date).ToArray();

    /// <summary>Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = ((19 * a) + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7, m = (a + (11 * h) + (22 * l)) / 451;
        int month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private Dictionary<DateOnly, string> ForYear(int year)
    {
        lock (_lock)
        {
            if (!_byYear.TryGetValue(year, out var days))
            {
                days = Build(year);
                _byYear[year] = days;
            }

            return days;
        }
    }

    private Dictionary<DateOnly, string> Build(int year)
    {
        var days = Fixed.ToDictionary(f => new DateOnly(year, f.Month, f.Day), f => f.Name);
        if (year >= 2026)
        {
            days[new DateOnly(year, 10, 4)] = "San Francesco d'Assisi e Santa Caterina da Siena";
        }

        var easter = EasterSunday(year);
        days[easter] = "Pasqua";
        days[easter.AddDays(1)] = "Lunedì dell'Angelo";
        foreach (var extra in _additional)
        {
            if (extra.In(year) is { } date)
            {
                days.TryAdd(date, extra.Name);
            }
        }

        return days;
    }
}
