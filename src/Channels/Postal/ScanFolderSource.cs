using System.Globalization;
using System.Runtime.CompilerServices;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Postal;

/// <summary>
/// Scanned postal mail: polls one or more folders (no file events, they are unreliable on network shares) and offers
/// each document once it is complete: size and modification time unchanged for <c>StableFor</c> and the file openable
/// exclusively. Files already there at start are offered after the same wait. The next batch's files are read while
/// the pipeline stores the current one.
/// </summary>
internal sealed class ScanFolderSource : IPrefetchingSource
{
    private readonly ScanFolderChannelOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ScanFolderWalker walker;
    private readonly FileStabilityTracker tracker;

    public ScanFolderSource(string name, ScanFolderChannelOptions options, TimeProvider time, ILogger logger)
    {
        Name = name;
        this.options = options;
        this.time = time;
        this.logger = logger;
        walker = new ScanFolderWalker(options, logger);
        tracker = new FileStabilityTracker(time, options.StableFor);
    }

    public string Name { get; }

    public ChannelKind Channel => ChannelKind.Postal;

    public bool FetchesAhead => true;

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var candidates = walker.Find();
        tracker.KeepOnly(candidates.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal));
        // Decided once, before the first batch: acknowledgements update the tracker while later batches are read.
        var ready = candidates.Where(f => tracker.IsStable(f.FullPath, f.Size, f.LastWriteUtc)).ToList();
        if (ready.Count > 0)
        {
            ScanFolderLog.FilesReady(logger, Name, ready.Count);
        }

        // Each batch's files are read (hashed) only when it is asked for: the next one while this one is stored.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var batch = new List<InboundItem>(options.BatchSize);
        for (var i = 0; i < ready.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await ReadAsync(ready[i], cancellationToken) is { } item)
            {
                if (keys.Add(item.SourceKey))
                {
                    batch.Add(item);
                }
                else
                {
                    ScanFolderLog.SameContent(logger, ready[i].FullPath, item.SourceKey);
                }
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
        foreach (var file in items.Select(i => i.SourceState).OfType<ScanFile>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracker.Forget(file.FullPath);
            if (!file.IsUnchanged())
            {
                ScanFolderLog.ChangedSinceRead(logger, file.FullPath);
                continue;
            }

            if (options.AfterImport == ScanAfterImport.ArchiveAndRemove)
            {
                File.Delete(file.FullPath);
                ScanFolderLog.Acknowledged(logger, file.FullPath, "deleted, kept in the archive", "");
                continue;
            }

            var destination = FileSetAside.Into(file.FullPath, DatedFolder.Under(options.EffectiveDonePath, time));
            ScanFolderLog.Acknowledged(logger, file.FullPath, "moved to", destination);
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        if (item.SourceState is not ScanFile file)
        {
            return;
        }

        tracker.Forget(file.FullPath);
        if (!SourceFiles.EntryExists(file.FullPath) || (!RefusedFileItem.IsRefused(item) && !file.IsUnchanged()))
        {
            // Gone, or rewritten under the same name after it was read (a rescan): what is there now was never
            // judged, and quarantining it under the old one's reason would leave it with no record of its own.
            ScanFolderLog.ChangedSinceRead(logger, file.FullPath);
            return;
        }

        var note = string.Create(
            CultureInfo.InvariantCulture,
            $"{reason}\n\nsource key: {item.SourceKey}\nfrom: {file.FullPath}\nat: {time.GetUtcNow():O}\n");
        var destination = await FileSetAside.QuarantineAsync(
            file.FullPath, options.QuarantinePathFor(file.Root), move: true, note, cancellationToken);
        ScanFolderLog.Quarantined(logger, file.FullPath, destination, reason);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The document's item; null while a writer still holds the file or when it vanished.</summary>
    private async Task<InboundItem?> ReadAsync(ScanFile file, CancellationToken cancellationToken)
    {
        var rules = RulesFor(file.Root);
        var hash = await SourceFileHash.ReadAsync(file.FullPath, rules, cancellationToken);
        switch (hash.Outcome)
        {
            case SourceFileHashOutcome.Hashed:
                return ScanFolderItemFactory.Create(Name, options, file, hash.Sha256, rules);
            case SourceFileHashOutcome.StillOpen:
                ScanFolderLog.StillOpen(logger, file.FullPath);
                return null;
            case SourceFileHashOutcome.Refused:
                ScanFolderLog.Refused(logger, file.FullPath, hash.RefusedReason);
                return RefusedFileItem.Create(
                    $"file:{Name}", Name, ChannelKind.Postal, file.FullPath, hash.RefusedReason,
                    PaperContentTypes.FromFileName(file.Name) ?? "application/octet-stream", file);
            default:
                return null;
        }
    }

    private SourceFileRules RulesFor(string root) => new(root, options.FollowSymlinks, options.ReadTimeout, "Channels:" + Name);
}
