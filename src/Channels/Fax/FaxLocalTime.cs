namespace ContactCenter.Channels.Fax;

/// <summary>A gateway's wall-clock time read in its zone (the TIFF tag, a sidecar's time without offset).</summary>
internal static class FaxLocalTime
{
    /// <summary>
    /// Null when the instant falls outside what a <see cref="DateTimeOffset"/> holds (a hostile "0001-01-01" east of
    /// UTC): the constructor would throw out of the spool's poll, and every later poll would throw on the same file.
    /// </summary>
    public static DateTimeOffset? In(DateTime local, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(local);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}
