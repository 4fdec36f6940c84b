using ContactCenter.Core.Intake;

namespace ContactCenter.Core.Storage;

/// <summary>The source keys a store reads for a draft before dispatching it: its own and its <see cref="TicketDraft.SameItemKey"/>.</summary>
public static class SameItem
{
    public static IEnumerable<string> Keys(TicketDraft draft) =>
        draft.SameItemKey is { } other ? [draft.SourceKey, other] : [draft.SourceKey];
}
