using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Pipeline;

/// <summary>Keeps a rejected item's bytes and reason durably, then lets the source move it aside.</summary>
internal sealed class ItemQuarantine(ITicketStore store, IContentArchive archive, TimeProvider time, ILogger<ItemQuarantine> logger)
{
    /// <summary>
    /// Records the item and moves it aside. True when it is newly quarantined; false when its source key already had a
    /// record (a failed retry), which the store returns instead, so that counters count each item once.
    /// </summary>
    public async Task<bool> QuarantineAsync(IInboundSource source, InboundItem item, string reason, CancellationToken cancellationToken)
    {
        var original = await TryArchiveAsync(item, cancellationToken).ConfigureAwait(false);
        var record = new QuarantineRecord
        {
            SourceKey = item.SourceKey,
            ChannelName = item.ChannelName,
            Channel = item.Channel,
            At = time.GetUtcNow(),
            Reason = reason,
            ReceivedAt = item.ReceivedAt,
            ItemMetadata = new Dictionary<string, string>(item.Metadata),
            Original = original,
            Status = QuarantineStatus.Pending,
        };
        var stored = await store.QuarantineAsync(record, cancellationToken).ConfigureAwait(false);
        PipelineLog.ItemQuarantined(logger, source.Name, item.SourceKey, reason);
        await SetAsideAsync(source, item, reason, cancellationToken).ConfigureAwait(false);
        return ReferenceEquals(stored, record);
    }

    /// <summary>
    /// Lets the source move a quarantined item aside. Its record is durable already, so a failure here (a file that
    /// cannot be read for a copy to another disk, a full quarantine folder) is logged and the item stays where it is
    /// for the next poll: failing the poll would hold every later item of the channel behind this one.
    /// </summary>
    public async Task SetAsideAsync(IInboundSource source, InboundItem item, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await source.RejectAsync(item, reason, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            PipelineLog.SetAsideFailed(logger, source.Name, item.SourceKey, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<TicketAttachment?> TryArchiveAsync(InboundItem item, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await item.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var fileName = SafeFileName.From(item.OriginalFileName, "original.bin");
                return await archive.StoreAsync(stream, fileName, item.OriginalContentType, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not StorageUnavailableException && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            // The record and its reason still matter when the bytes cannot be read (e.g. the server dropped them). When
            // the archive cannot write them, the item stays at its source instead, for a later poll.
            PipelineLog.QuarantineArchiveFailed(logger, item.SourceKey, ex.GetType().Name, ex.Message);
            return null;
        }
    }
}
