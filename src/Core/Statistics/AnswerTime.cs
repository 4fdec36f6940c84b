using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Statistics;

/// <summary>
/// How long a closed ticket's answer took, as the charter counts it: from the request it answers (the arrival, or the
/// follow-up or operator that last reopened it) to its closing, without the time the clock stood suspended waiting
/// for another administration. Measured from the first arrival it would count the weeks a ticket lay closed before a
/// citizen wrote again, and every consultation, against the service.
/// </summary>
public static class AnswerTime
{
    public static TimeSpan? Of(DateTimeOffset receivedAt, DateTimeOffset? reopenedAt, DateTimeOffset? closedAt, IEnumerable<SlaSuspension> suspensions)
    {
        if (closedAt is not { } end)
        {
            return null;
        }

        var start = reopenedAt is { } reopened && reopened > receivedAt ? reopened : receivedAt;
        var suspended = TimeSpan.Zero;
        foreach (var suspension in suspensions)
        {
            var from = suspension.From > start ? suspension.From : start;
            var until = suspension.Until is { } u && u < end ? u : end;
            if (until > from)
            {
                suspended += until - from;
            }
        }

        return end - start - suspended;
    }
}
