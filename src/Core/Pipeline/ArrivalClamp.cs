using ContactCenter.Core.Intake;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// A file time or a server date in the future (a wrong clock, a touched file) would file the ticket in a future year
/// and start its clock late; one before <see cref="IngestPipeline.ClockNeverSet"/> (a scanner or gateway without a
/// battery says 1970 or 1980; a file time .NET cannot hold reads as year 1) would file it decades back, overdue on
/// arrival. Either way the arrival becomes the moment the item was read, and the claim is kept in the metadata.
/// </summary>
internal static class ArrivalClamp
{
    public static void Apply(ILogger logger, string channel, IReadOnlyList<TicketDraft> drafts, DateTimeOffset readAt)
    {
        foreach (var draft in drafts)
        {
            if (draft.ReceivedAt > readAt)
            {
                PipelineLog.FutureArrivalClamped(logger, channel, draft.SourceKey, draft.ReceivedAt, readAt);
            }
            else if (draft.ReceivedAt < IngestPipeline.ClockNeverSet)
            {
                PipelineLog.UnsetClockArrivalClamped(logger, channel, draft.SourceKey, draft.ReceivedAt, readAt);
            }
            else
            {
                continue;
            }

            draft.Metadata[IngestPipeline.ReportedArrivalKey] = draft.ReceivedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            draft.ReceivedAt = readAt;
        }
    }
}
