using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Screening;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// Runs the screens on an item's drafts before routing and holds an item judged spam in the spam quarantine, durably,
/// instead of routing it: no ticket, no receipt. The caller acknowledges the item with its batch, after this returned.
/// </summary>
internal sealed class SpamHold(IEnumerable<IDraftScreen> screens, ITicketStore store, TimeProvider time, ILogger<SpamHold> logger, IngestMetrics? metrics = null)
{
    private readonly IDraftScreen[] _screens = [.. screens];

    /// <summary>True when the item was held as spam (and must not be routed).</summary>
    public async Task<bool> HoldIfSpamAsync(string channel, InboundItem item, IReadOnlyList<TicketDraft> drafts, CancellationToken cancellationToken)
    {
        if (_screens.Length == 0 || drafts.Count == 0)
        {
            return false;
        }

        foreach (var draft in drafts)
        {
            foreach (var screen in _screens)
            {
                await ScreenAsync(screen, item, draft, cancellationToken).ConfigureAwait(false);
            }

            if (SpamVerdictNames.Of(draft.Metadata) is { } verdict)
            {
                metrics?.SpamVerdict(channel, verdict.Name());
            }
        }

        if (drafts.FirstOrDefault(d => SpamVerdictNames.Of(d.Metadata) == SpamVerdict.Spam) is not { } spam)
        {
            return false;
        }

        var record = await store.HoldSpamAsync(new SpamRecord
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            Channel = item.Channel,
            At = time.GetUtcNow(),
            ReceivedAt = spam.ReceivedAt,
            Sender = spam.Sender.Email ?? spam.ReplyAddress,
            Subject = spam.Subject,
            Score = spam.Metadata.TryGetValue(MailScreeningKeys.SpamScore, out var score)
                && double.TryParse(score, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null,
            Verdict = spam.Metadata.Where(m => m.Key.StartsWith("mail.spam.", StringComparison.Ordinal) || m.Key.StartsWith("mail.auth.", StringComparison.Ordinal))
                .ToDictionary(m => m.Key, m => m.Value),
            ItemMetadata = ItemMetadataOf(item, spam),
            Original = spam.Original,
            Status = SpamStatus.Held,
        }, cancellationToken).ConfigureAwait(false);
        PipelineLog.SpamHeld(logger, channel, item.SourceKey, record.Id, record.Score);
        metrics?.ItemIngested(channel, "Spam");
        return true;
    }

    /// <summary>
    /// The item's metadata, with the arrival its source claimed when the pipeline clamped it: a release reads the item
    /// again at the clamped time, and would otherwise lose the claim.
    /// </summary>
    private static Dictionary<string, string> ItemMetadataOf(InboundItem item, TicketDraft spam)
    {
        var metadata = new Dictionary<string, string>(item.Metadata);
        if (spam.Metadata.TryGetValue(IngestPipeline.ReportedArrivalKey, out var reported))
        {
            metadata[IngestPipeline.ReportedArrivalKey] = reported;
        }

        return metadata;
    }

    /// <summary>
    /// A screen that fails on one item leaves it unchecked, said in its metadata and the log, as a spam engine that
    /// cannot be reached does: the batch it came in goes on. Failing the poll instead failed it again at every poll,
    /// and nothing behind the item on that channel was ever read.
    /// </summary>
    private async Task ScreenAsync(IDraftScreen screen, InboundItem item, TicketDraft draft, CancellationToken cancellationToken)
    {
        try
        {
            await screen.ScreenAsync(draft, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PipelineLog.ScreenFailed(logger, ex, item.ChannelName, item.SourceKey, screen.GetType().Name);
            draft.Metadata[MailScreeningKeys.SpamVerdict] = SpamVerdict.Unchecked.Name();
            draft.Metadata[MailScreeningKeys.SpamError] = $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
