using Microsoft.Extensions.Options;

namespace ContactCenter.Core.Sla;

/// <summary>
/// The contact center's opening days and hours in its own time zone (DST-correct), with Italian holidays.
/// An instant is open when its local date is an open day that is not a holiday and its local time is in
/// [Open, Close).
/// </summary>
public sealed class BusinessCalendar
{
    private const int MaxDaysScanned = 3_660;

    public BusinessCalendar(IOptions<SlaOptions> options)
        : this(options.Value)
    {
    }

    public BusinessCalendar(SlaOptions options)
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        Days = options.ServiceHours.Days;
        Opens = options.ServiceHours.Open;
        Closes = options.ServiceHours.Close;
        Holidays = new ItalianHolidays(options.AdditionalHolidays);
    }

    public TimeZoneInfo Zone { get; }
    public OpenDays Days { get; }
    public TimeOnly Opens { get; }
    public TimeOnly Closes { get; }
    public ItalianHolidays Holidays { get; }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public bool IsWorkingDay(DateOnly date) =>
        (Days & (OpenDays)(1 << (int)date.DayOfWeek)) != 0 && !Holidays.IsHoliday(date);

    public bool IsOpen(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) && time >= Opens && time < Closes;
    }

    public DateTimeOffset OpeningOn(DateOnly date) => ZonedTime.ToInstant(date, Opens, Zone);

    public DateTimeOffset ClosingOn(DateOnly date) => ZonedTime.ToInstant(date, Closes, Zone);

    /// <summary>The first opening (an open day at its opening time) at or after <paramref name="instant"/>.</summary>
    public DateTimeOffset NextOpening(DateTimeOffset instant)
    {
        var date = LocalDate(instant);
        for (var i = 0; i < MaxDaysScanned; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date) && OpeningOn(date) >= instant)
            {
                return OpeningOn(date);
            }
        }

        throw new InvalidOperationException("The calendar has no open day in ten years: check the service days.");
    }

    /// <summary>The date itself when it is a working day, else the next working day.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date)
    {
        for (var i = 0; i < MaxDaysScanned; i++, date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                return date;
            }
        }

        throw new InvalidOperationException("The calendar has no open day in ten years: check the service days.");
    }

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="date"/> (the date itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly date, int count)
    {
        for (var i = 0; i < count; i++)
        {
            date = WorkingDayOnOrAfter(date.AddDays(1));
        }

        return date;
    }

    /// <summary>How much open time lies between two instants.</summary>
    public TimeSpan OpenTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        for (var date = LocalDate(from); from < to && date <= LocalDate(to); date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                var start = Max(from, OpeningOn(date));
                var end = Min(to, ClosingOn(date));
                total += end > start ? end - start : TimeSpan.Zero;
            }
        }

        return total;
    }

    /// <summary>The instant at which <paramref name="amount"/> of open time has passed since <paramref name="from"/>.</summary>
    public DateTimeOffset AddOpenTime(DateTimeOffset from, TimeSpan amount)
    {
        var date = LocalDate(from);
        for (var i = 0; amount > TimeSpan.Zero && i < MaxDaysScanned; i++, date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
            {
                continue;
            }

            var start = Max(from, OpeningOn(date));
            var available = ClosingOn(date) - start;
            if (available >= amount)
            {
                return start + amount;
            }

            amount -= available > TimeSpan.Zero ? available : TimeSpan.Zero;
        }

        return amount > TimeSpan.Zero
            ? throw new InvalidOperationException("The calendar has no open day in ten years: check the service days.")
            : from;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
