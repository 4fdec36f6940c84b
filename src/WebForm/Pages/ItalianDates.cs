using System.Globalization;

namespace ContactCenter.WebForm.Pages;

/// <summary>Dates as Italians read them, in the service's time zone (e.g. "venerdì 11 dicembre 2026").</summary>
internal sealed class ItalianDates(TimeZoneInfo zone)
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    public string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM yyyy", Italian);

    public string DayAndTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM yyyy 'alle ore' HH:mm", Italian);
}
