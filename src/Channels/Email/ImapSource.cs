using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// An IMAP mailbox folder. The connection is kept between polls; messages are tracked by UIDVALIDITY + UID (never
/// sequence numbers) and fetched one FETCH per batch of UIDs.
/// </summary>
internal sealed class ImapSource : IInboundSource
{
    private readonly ImapChannelOptions _options;
    private readonly ChannelKind _channel;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SourceBackoff _backoff;
    private readonly Func<IProtocolLogger>? _protocolLoggerFactory;
    private readonly List<MessageBuffer> _buffers = [];
    private ImapClient? _client;
    private bool _foldersChecked;

    public ImapSource(
        string name, ImapChannelOptions options, ILogger logger, TimeProvider timeProvider,
        Func<IProtocolLogger>? protocolLoggerFactory = null, ChannelKind channel = ChannelKind.Email)
    {
        Name = name;
        _channel = channel;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
        _protocolLoggerFactory = protocolLoggerFactory;
        _backoff = new SourceBackoff(timeProvider, options.RetryDelay, options.MaxRetryDelay);
    }

    public string Name { get; }

    /// <summary>Email, or Fax for a fax-to-e-mail mailbox (<c>Type: FaxMail</c>).</summary>
    public ChannelKind Channel => _channel;

    private int Port => MailConnector.ResolvePort(_options, 143, 993);

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_backoff.IsBackingOff(out var remaining))
        {
            EmailSourceLog.BackingOff(_logger, Name, _backoff.Failures, remaining);
            yield break;
        }

        var (folder, uids) = await GuardAsync(ListPendingAsync, cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < uids.Count; start += _options.BatchSize)
        {
            var chunk = uids.GetRange(start, Math.Min(_options.BatchSize, uids.Count - start));
            var items = await GuardAsync(ct => FetchAsync(folder, chunk, ct), cancellationToken).ConfigureAwait(false);
            yield return new InboundBatch(items, uids.Count - start - chunk.Count);
        }
    }

    public async ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await GuardAsync(async ct =>
        {
            var (client, folder) = await OpenSourceFolderAsync(ct).ConfigureAwait(false);
            var uids = CurrentUids(folder, items);
            if (uids.Count == 0)
            {
                return 0;
            }

            switch (_options.AfterImport)
            {
                case ImapAfterImport.Move:
                    // MailKit sends MOVE when offered, else COPY + STORE \Deleted + UID EXPUNGE.
                    var processed = await client.GetFolderAsync(_options.ProcessedFolder, ct).ConfigureAwait(false);
                    await folder.MoveToAsync(uids, processed, ct).ConfigureAwait(false);
                    break;
                case ImapAfterImport.MarkSeen:
                    await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, ct)
                        .ConfigureAwait(false);
                    break;
                default:
                    await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, ct)
                        .ConfigureAwait(false);
                    await ExpungeAsync(client, folder, uids, ct).ConfigureAwait(false);
                    break;
            }

            EmailSourceLog.Acknowledged(_logger, Name, uids.Count, _options.AfterImport.ToString());
            return uids.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        await GuardAsync(async ct =>
        {
            var (client, folder) = await OpenSourceFolderAsync(ct).ConfigureAwait(false);
            var uids = CurrentUids(folder, [item]);
            if (uids.Count == 0)
            {
                return 0;
            }

            var quarantine = await client.GetFolderAsync(_options.QuarantineFolder, ct).ConfigureAwait(false);
            await folder.MoveToAsync(uids, quarantine, ct).ConfigureAwait(false);
            EmailSourceLog.Rejected(_logger, Name, item.SourceKey, _options.QuarantineFolder, reason);
            return 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseBuffers();
        await MailConnector.QuietDisconnectAsync(_client, quit: true, Name, _logger).ConfigureAwait(false);
        _client = null;
    }

    private async Task<(ImapFolder Folder, List<UniqueId> Uids)> ListPendingAsync(CancellationToken cancellationToken)
    {
        var (_, folder) = await OpenSourceFolderAsync(cancellationToken).ConfigureAwait(false);
        SearchQuery query = SearchQuery.NotDeleted;
        if (_options.ImportSince is { } since)
        {
            // SINCE compares the INTERNALDATE's day: older messages stay untouched.
            query = query.And(SearchQuery.DeliveredAfter(since.ToDateTime(TimeOnly.MinValue)));
        }

        if (_options.AfterImport == ImapAfterImport.MarkSeen)
        {
            query = query.And(SearchQuery.NotSeen);
        }

        var found = await folder.SearchAsync(query, cancellationToken).ConfigureAwait(false);
        var uids = found.OrderBy(u => u.Id).ToList();
        EmailSourceLog.ImapPending(_logger, Name, uids.Count, folder.FullName, folder.UidValidity);
        return (folder, uids);
    }

    private async Task<IReadOnlyList<InboundItem>> FetchAsync(ImapFolder folder, List<UniqueId> chunk, CancellationToken cancellationToken)
    {
        // The caller has finished with the previous batch before asking for this one.
        ReleaseBuffers();
        var summaries = await folder.FetchAsync(
            chunk, new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.InternalDate), cancellationToken)
            .ConfigureAwait(false);
        var dates = summaries.Where(s => s.InternalDate.HasValue).ToDictionary(s => s.UniqueId.Id, s => s.InternalDate!.Value);

        var uidValidity = folder.UidValidity;
        var items = new List<InboundItem>(chunk.Count);
        long bytes = 0;
        await folder.GetStreamsAsync(chunk, async (_, _, uid, stream, ct) =>
        {
            var buffer = await MessageBuffer.CopyAsync(stream, ct).ConfigureAwait(false);
            _buffers.Add(buffer);
            bytes += buffer.Length;
            var receivedAt = dates.TryGetValue(uid.Id, out var date) ? date : _timeProvider.GetUtcNow();
            items.Add(CreateItem(new UniqueId(uidValidity, uid.Id), folder.FullName, receivedAt, buffer));
        }, cancellationToken).ConfigureAwait(false);

        EmailSourceLog.Fetched(_logger, Name, items.Count, bytes);
        return items.OrderBy(i => ((UniqueId)i.SourceState!).Id).ToList();
    }

    private InboundItem CreateItem(UniqueId uid, string folderName, DateTimeOffset receivedAt, MessageBuffer buffer) => new()
    {
        SourceKey = $"imap:{_options.User}@{_options.Host}/{folderName}/{uid.Validity}/{uid.Id}",
        ChannelName = Name,
        Channel = _channel,
        ReceivedAt = receivedAt,
        OpenAsync = buffer.OpenAsync,
        Length = buffer.Length,
        OriginalFileName = "message.eml",
        OriginalContentType = "message/rfc822",
        SourceState = uid,
        Metadata = new Dictionary<string, string>
        {
            ["mailbox"] = $"{_options.User}@{_options.Host}",
            ["imap.folder"] = folderName,
            ["imap.uidvalidity"] = uid.Validity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["imap.uid"] = uid.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    /// <summary>The items' UIDs, unless the folder was recreated since the poll (then those UIDs name other messages).</summary>
    private List<UniqueId> CurrentUids(ImapFolder folder, IReadOnlyList<InboundItem> items)
    {
        var uids = items.Select(i => (UniqueId)i.SourceState!).ToList();
        var stale = uids.Where(u => u.Validity != folder.UidValidity).ToList();
        if (stale.Count > 0)
        {
            EmailSourceLog.UidValidityChanged(_logger, Name, folder.FullName, stale[0].Validity, folder.UidValidity, stale.Count);
        }

        return uids.Where(u => u.Validity == folder.UidValidity).ToList();
    }

    private async Task<(ImapClient Client, ImapFolder Folder)> OpenSourceFolderAsync(CancellationToken cancellationToken)
    {
        var client = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
        var folder = (ImapFolder)await client.GetFolderAsync(_options.Folder, cancellationToken).ConfigureAwait(false);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        return (client, folder);
    }

    private async Task<ImapClient> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true, IsAuthenticated: true })
        {
            try
            {
                await _client.NoOpAsync(cancellationToken).ConfigureAwait(false);
                return _client;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                EmailSourceLog.ConnectionLost(_logger, ex, Name);
            }
        }
        else if (_client is not null)
        {
            EmailSourceLog.ConnectionLost(_logger, null, Name);
        }

        await DropConnectionAsync().ConfigureAwait(false);
        var client = _protocolLoggerFactory is null ? new ImapClient() : new ImapClient(_protocolLoggerFactory());
        try
        {
            await MailConnector.ConnectAsync(client, _options, Name, "IMAP", Port, _logger, cancellationToken).ConfigureAwait(false);
            if (!_foldersChecked)
            {
                await ImapFolders.EnsureExistsAsync(client, _options.QuarantineFolder, Name, _logger, cancellationToken).ConfigureAwait(false);
                if (_options.AfterImport == ImapAfterImport.Move)
                {
                    await ImapFolders.EnsureExistsAsync(client, _options.ProcessedFolder, Name, _logger, cancellationToken).ConfigureAwait(false);
                }

                _foldersChecked = true;
            }
        }
        catch
        {
            await MailConnector.QuietDisconnectAsync(client, quit: false, Name, _logger).ConfigureAwait(false);
            throw;
        }

        _client = client;
        return client;
    }

    private static async Task ExpungeAsync(ImapClient client, ImapFolder folder, IList<UniqueId> uids, CancellationToken cancellationToken)
    {
        if (client.Capabilities.HasFlag(ImapCapabilities.UidPlus))
        {
            await folder.ExpungeAsync(uids, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // Without UIDPLUS only a plain EXPUNGE exists; it also removes what others flagged \Deleted, as they meant.
            await folder.ExpungeAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one server step; a failure drops the connection, starts the backoff and is rethrown to the job.</summary>
    private async Task<T> GuardAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            var result = await step(cancellationToken).ConfigureAwait(false);
            if (_backoff.Failures > 0)
            {
                EmailSourceLog.Recovered(_logger, Name, _options.Host, _backoff.Failures);
                _backoff.Reset();
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await DropConnectionAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            var delay = _backoff.RecordFailure();
            EmailSourceLog.ConnectFailed(_logger, ex, Name, _options.Host, Port, delay, _backoff.Failures);
            await DropConnectionAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DropConnectionAsync()
    {
        var client = _client;
        _client = null;
        await MailConnector.QuietDisconnectAsync(client, quit: false, Name, _logger).ConfigureAwait(false);
    }

    private void ReleaseBuffers()
    {
        foreach (var buffer in _buffers)
        {
            buffer.Dispose();
        }

        _buffers.Clear();
    }
}
