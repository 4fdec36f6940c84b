namespace ContactCenter.Core.Sla;

/// <summary>How a policy counts its days.</summary>
public enum DayKind
{
    /// <summary>Every day counts (the usual reading of "giorni" in the charter and in law 241/1990).</summary>
    CalendarDays,

    /// <summary>Only open days count: weekends and holidays are skipped.</summary>
    WorkingDays,
}
