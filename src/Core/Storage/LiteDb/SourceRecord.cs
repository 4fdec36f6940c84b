using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Row of <c>sources</c>: one per dispatched or quarantined source key, and one per <c>TicketDraft.SameItemKey</c>.</summary>
internal sealed class SourceRecord
{
    [BsonId]
    public string Key { get; set; } = "";

    public SourceOutcome Outcome { get; set; }

    public string? TicketNumber { get; set; }

    public DateTimeOffset At { get; set; }
}
