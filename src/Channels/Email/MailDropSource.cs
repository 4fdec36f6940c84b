using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A folder a local MTA delivers to: <c>.eml</c> files, or a Maildir (<c>new/</c> and <c>cur/</c>). Items are keyed by
/// the sha256 of their bytes, so a file delivered twice is the same item. A plain folder's file is taken only once it
/// has stopped changing (<c>StableFor</c>); a Maildir's files are complete when they appear in <c>new/</c>.
/// The next batch's files are read (hashed) while the pipeline stores the current one: they are other files than
/// those being moved to done/ or quarantine/, and the listing is taken once, before the first batch.
/// </summary>
internal sealed class MailDropSource(
    string name, MailDropChannelOptions options, ILogger logger, TimeProvider timeProvider, ChannelKind? channel = null)
    : IPrefetchingSource
{
    private readonly FileStabilityTracker tracker = new(timeProvider, options.StableFor);
    private readonly SourceFileRules rules = new(options.Path, options.FollowSymlinks, options.ReadTimeout, "Channels:" + name);

    public string Name { get; } = name;

    public ChannelKind Channel { get; } = channel ?? (options.Pec ? ChannelKind.Pec : ChannelKind.Email);

    public bool FetchesAhead => true;

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Path))
        {
            EmailSourceLog.DropMissing(logger, Name, options.Path);
            yield break;
        }

        var files = MailDropFiles.List(options.Path);
        if (!MailDropFiles.IsMaildir(options.Path))
        {
            tracker.KeepOnly(files.Select(f => f.FullName).ToHashSet(StringComparer.Ordinal));
            files = files.Where(f => tracker.IsStable(f.FullName, f.Length, SourceFiles.LastWriteUtc(f))).ToList();
        }

        EmailSourceLog.DropPending(logger, Name, files.Count, options.Path);
        for (var start = 0; start < files.Count; start += options.BatchSize)
        {
            var items = new List<InboundItem>();
            foreach (var file in files.Skip(start).Take(options.BatchSize))
            {
                var item = await CreateItemAsync(file, cancellationToken).ConfigureAwait(false);
                if (item is not null)
                {
                    items.Add(item);
                }
            }

            yield return new InboundBatch(items, Math.Max(0, files.Count - start - options.BatchSize));
        }
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var folder = Path.Combine(options.ResolvedDonePath, now.ToString("yyyy", CultureInfo.InvariantCulture), now.ToString("MM", CultureInfo.InvariantCulture));
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = (MailDropEntry)item.SourceState!;
            if (!entry.IsUnchanged())
            {
                // Rewritten under the same name after it was read: what is there now was never stored. The next poll
                // reads it (a new key); moving it to done/ lost it.
                EmailSourceLog.DropFileChanged(logger, Name, entry.FullPath);
                continue;
            }

            MoveInto(entry.FullPath, folder);
        }

        EmailSourceLog.Acknowledged(logger, Name, items.Count, "moved to " + folder);
        return ValueTask.CompletedTask;
    }

    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        var entry = (MailDropEntry)item.SourceState!;
        if (!RefusedFileItem.IsRefused(item) && !entry.IsUnchanged())
        {
            EmailSourceLog.DropFileChanged(logger, Name, entry.FullPath);
            return;
        }

        var moved = MoveInto(entry.FullPath, options.ResolvedQuarantinePath);
        if (moved is not null)
        {
            await File.WriteAllTextAsync(moved + ".reason.txt", reason + Environment.NewLine, Encoding.UTF8, cancellationToken)
                .ConfigureAwait(false);
        }

        EmailSourceLog.Rejected(logger, Name, item.SourceKey, options.ResolvedQuarantinePath, reason);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<InboundItem?> CreateItemAsync(FileInfo file, CancellationToken cancellationToken)
    {
        string hash;
        try
        {
            var stream = SourceFiles.OpenRead(file.FullName, rules);
            await using (stream.ConfigureAwait(false))
            {
                hash = await FileHasher.Sha256Async(stream, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FileNotFoundException)
        {
            // Taken by a concurrent reader (another MUA on the Maildir) between listing and reading.
            EmailSourceLog.DropFileVanished(logger, Name, file.FullName);
            return null;
        }
        catch (Exception ex) when (ex is InboundItemRejectedException or IOException or UnauthorizedAccessException)
        {
            // A FIFO, a link, a file the service cannot read: quarantined with the reason, the rest of the folder flows.
            EmailSourceLog.DropFileUnreadable(logger, Name, file.FullName, ex.Message);
            return RefusedFileItem.Create($"maildrop:{Name}", Name, Channel, file.FullName, ex.Message, "message/rfc822", MailDropEntry.Of(file));
        }

        var path = file.FullName;
        var entry = MailDropEntry.Of(file);
        return new InboundItem
        {
            SourceKey = $"maildrop:{Name}/{hash}",
            ChannelName = Name,
            Channel = Channel,
            ReceivedAt = new DateTimeOffset(entry.LastWriteUtc, TimeSpan.Zero),
            OpenAsync = _ => ValueTask.FromResult(SourceFiles.OpenRead(path, rules)),
            Length = file.Length,
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
            SourceState = entry,
            Metadata = new Dictionary<string, string> { ["maildrop.file"] = file.Name, ["maildrop.sha256"] = hash },
        };
    }

    /// <summary>Moves a file into a folder without overwriting anything there; null when the file is already gone.</summary>
    private string? MoveInto(string path, string folder)
    {
        Directory.CreateDirectory(folder);
        var name = Path.GetFileName(path);
        var target = Path.Combine(folder, name);
        for (var n = 1; File.Exists(target) || File.Exists(target + ".reason.txt"); n++)
        {
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        try
        {
            // Never a copy through a link or into a FIFO, whatever disk the folder is on.
            EntryTransfer.Move(path, target);
            return target;
        }
        catch (FileNotFoundException)
        {
            EmailSourceLog.DropFileVanished(logger, Name, path);
            return null;
        }
    }
}
