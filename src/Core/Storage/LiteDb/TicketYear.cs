namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>The numbering year is the calendar year in Italy: a mail at 00:30 on 1 January Rome time opens the new year.</summary>
internal static class TicketYear
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public static int Of(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Rome).Year;
}
