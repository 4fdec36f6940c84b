using System.Runtime.CompilerServices;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// A HylaFAX-style received-fax spool: offers each <c>fax*.tif</c> once it is complete (stable and not locked by the
/// receiving process), with the sender's TSI and caller id from its tags or a sidecar file. The spool belongs to the
/// gateway, so files are only read; acknowledging remembers them (and moves them only when configured to). The next
/// batch's faxes are read while the pipeline stores the current one.
/// </summary>
internal sealed class FaxSpoolSource : IPrefetchingSource
{
    private readonly FaxSpoolChannelOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly FileStabilityTracker tracker;
    private readonly FaxSpoolState state;
    private readonly TimeZoneInfo gatewayZone;
    private readonly SourceFileRules rules;

    public FaxSpoolSource(string name, FaxSpoolChannelOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        this.options = options;
        this.time = time;
        this.logger = logger;
        tracker = new FileStabilityTracker(time, options.StableFor);
        state = new FaxSpoolState(options.ProcessedStatePath);
        gatewayZone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        rules = new SourceFileRules(options.Path, options.FollowSymlinks, options.ReadTimeout, "Channels:" + name);
    }

    public string Name { get; }

    public ChannelKind Channel => ChannelKind.Fax;

    public bool FetchesAhead => true;

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Path))
        {
            FaxSpoolLog.SpoolMissing(logger, options.Path);
            yield break;
        }

        var files = new DirectoryInfo(options.Path).EnumerateFiles(options.Pattern)
            .Where(f => !f.Name.StartsWith('.'))
            .Select(f => new FaxSpoolFile(f.FullName, f.Length, SourceFiles.LastWriteUtc(f)))
            .ToList();
        tracker.KeepOnly(files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal));
        // Decided once, before the first batch: acknowledgements update the state and the tracker while later
        // batches are read.
        var ready = files.Where(f => !state.IsDone(f.Name, f.Size, f.LastWriteUtc) && tracker.IsStable(f.FullPath, f.Size, f.LastWriteUtc))
            .ToList();
        if (ready.Count > 0)
        {
            FaxSpoolLog.FaxesReady(logger, Name, ready.Count);
        }

        // Each batch's files are read (hashed, tags) only when it is asked for: the next one while this one is stored.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<InboundItem>(options.BatchSize);
        for (var i = 0; i < ready.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ReadAsync(ready[i], cancellationToken) is { } item && keys.Add(item.SourceKey))
            {
                batch.Add(item);
            }

            if (batch.Count == options.BatchSize || (i == ready.Count - 1 && batch.Count > 0))
            {
                yield return new InboundBatch(batch, ready.Count - i - 1);
                batch = new List<InboundItem>(options.BatchSize);
            }
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            if (item.SourceState is FaxSpoolFile file)
            {
                state.MarkDone(item.SourceKey, file.Name, file.Size, file.LastWriteUtc);
                tracker.Forget(file.FullPath);
                if (options.MoveAfterImport && options.DonePath is not null)
                {
                    FileSetAside.Into(file.FullPath, DatedFolder.Under(options.DonePath, time));
                }

                FaxSpoolLog.Acknowledged(logger, file.Name, item.SourceKey);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        if (item.SourceState is not FaxSpoolFile file)
        {
            return;
        }

        state.MarkDone(item.SourceKey, file.Name, file.Size, file.LastWriteUtc);
        tracker.Forget(file.FullPath);
        if (options.QuarantinePath is not null && SourceFiles.EntryExists(file.FullPath))
        {
            // What is not a regular file cannot be copied (a FIFO would block the copy): it is moved out of the spool.
            var move = options.MoveAfterImport || RefusedFileItem.IsRefused(item);
            var note = $"{reason}\n\nsource key: {item.SourceKey}\nfrom: {file.FullPath}\n";
            if (move || FaxSpoolItemFactory.Sha256Of(item) is not { } sha256)
            {
                await FileSetAside.QuarantineAsync(file.FullPath, options.QuarantinePath, move, note, cancellationToken);
            }
            else if (await FaxQuarantineCopy.CopyOnceAsync(file.FullPath, sha256, options.QuarantinePath, note, cancellationToken) is null)
            {
                FaxSpoolLog.AlreadyQuarantined(logger, file.Name, options.QuarantinePath);
            }
        }

        FaxSpoolLog.Rejected(logger, file.Name, reason);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The fax's item; null while the receiving process still holds it or when it vanished.</summary>
    private async Task<InboundItem?> ReadAsync(FaxSpoolFile file, CancellationToken cancellationToken)
    {
        var hash = await SourceFileHash.ReadAsync(file.FullPath, rules, cancellationToken);
        switch (hash.Outcome)
        {
            case SourceFileHashOutcome.Hashed:
                return FaxSpoolItemFactory.Create(Name, options, file, hash.Sha256, gatewayZone, rules, logger);
            case SourceFileHashOutcome.StillOpen:
                FaxSpoolLog.StillOpen(logger, file.FullPath);
                return null;
            case SourceFileHashOutcome.Refused:
                FaxSpoolLog.Refused(logger, file.FullPath, hash.RefusedReason);
                return RefusedFileItem.Create(
                    $"file:{Name}", Name, ChannelKind.Fax, file.FullPath, hash.RefusedReason, PaperContentTypes.Tiff, file);
            default:
                return null;
        }
    }
}
