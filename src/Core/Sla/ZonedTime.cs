namespace ContactCenter.Core.Sla;

/// <summary>Local wall-clock time to an instant, across the DST changes.</summary>
internal static class ZonedTime
{
    /// <summary>
    /// A time skipped by the spring change (02:30 on the last Sunday of March in Rome) is shifted forward by the
    /// gap (03:30, summer time); a time that happens twice in autumn is taken at its first occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            var gap = zone.GetUtcOffset(local.AddHours(6)) - zone.GetUtcOffset(local.AddHours(-6));
            local = local.Add(gap);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
