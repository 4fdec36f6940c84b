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
/// exclusively. Files already there at start are offered after the same wait.
/// </summary>
internal sealed class ScanFolderSource : IInboundSource
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

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var candidates = walker.Find();
        tracker.KeepOnly(candidates.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal));
        var items = new List<InboundItem>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in candidates.Where(f => tracker.IsStable(f.FullPath, f.Size, f.LastWriteUtc)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rules = RulesFor(file.Root);
            string? sha256;
            try
            {
                sha256 = await FileHasher.TrySha256ExclusiveAsync(file.FullPath, rules, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            catch (Exception ex) when (ex is InboundItemRejectedException or IOException or UnauthorizedAccessException)
            {
                // A FIFO, a link, a file the service cannot read: quarantined with the reason, the rest of the folder flows.
                ScanFolderLog.Refused(logger, file.FullPath, ex.Message);
                items.Add(RefusedFileItem.Create(
                    $"file:{Name}", Name, ChannelKind.Postal, file.FullPath, ex.Message,
                    PaperContentTypes.FromFileName(file.Name) ?? "application/octet-stream", file));
                continue;
            }

            if (sha256 is null)
            {
                ScanFolderLog.StillOpen(logger, file.FullPath);
                continue;
            }

            var item = ScanFolderItemFactory.Create(Name, options, file, sha256, rules);
            if (keys.Add(item.SourceKey))
            {
                items.Add(item);
            }
            else
            {
                ScanFolderLog.SameContent(logger, file.FullPath, item.SourceKey);
            }
        }

        if (items.Count > 0)
        {
            ScanFolderLog.FilesReady(logger, Name, items.Count);
        }

        for (var offset = 0; offset < items.Count; offset += options.BatchSize)
        {
            var batch = items.Skip(offset).Take(options.BatchSize).ToList();
            yield return new InboundBatch(batch, Math.Max(0, items.Count - offset - batch.Count));
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
        if (!SourceFiles.EntryExists(file.FullPath))
        {
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

    private SourceFileRules RulesFor(string root) => new(root, options.FollowSymlinks, options.ReadTimeout, "Channels:" + Name);
}
