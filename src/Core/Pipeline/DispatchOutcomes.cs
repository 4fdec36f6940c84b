using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>What a batch's dispatch made of each item: counted for the poll's summary and the metrics, and logged.</summary>
internal static class DispatchOutcomes
{
    public static void Record(string channel, IReadOnlyList<DispatchOutcome> outcomes, PollCounters counters, IngestMetrics? metrics, ILogger logger)
    {
        foreach (var outcome in outcomes)
        {
            counters.Count(outcome.Kind);
            metrics?.ItemIngested(channel, outcome.Kind.ToString());
            Log(logger, channel, outcome);
        }
    }

    private static void Log(ILogger logger, string channel, DispatchOutcome outcome)
    {
        var number = outcome.TicketNumber ?? "-";
        switch (outcome.Kind)
        {
            case DispatchOutcomeKind.Created:
                PipelineLog.TicketCreated(logger, channel, outcome.SourceKey, number);
                break;
            case DispatchOutcomeKind.FollowUpAppended:
                PipelineLog.FollowUpAppended(logger, channel, outcome.SourceKey, number);
                break;
            case DispatchOutcomeKind.Duplicate:
                PipelineLog.Duplicate(logger, channel, outcome.SourceKey, number);
                break;
            default:
                PipelineLog.AutoMail(logger, channel, outcome.SourceKey, outcome.Kind.ToString(), number);
                break;
        }
    }
}
