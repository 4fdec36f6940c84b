using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A POP3 mailbox. One session per poll; messages are tracked by UIDL and fetched pipelined in batches. In Delete
/// mode a batch's deletions are committed by the QUIT that ends its acknowledgement, and the next batch opens a
/// new session (message indexes are only valid inside one session).
/// </summary>
internal sealed class Pop3Source : IInboundSource
{
    private readonly Pop3ChannelOptions _options;
    private readonly string _statePath;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SourceBackoff _backoff;
    private readonly List<MessageBuffer> _buffers = [];
    private readonly HashSet<string> _tooOld = new(StringComparer.Ordinal);
    private Pop3UidlState? _state;
    private Pop3Client? _client;
    private IList<string>? _sessionUidls;

    public Pop3Source(string name, Pop3ChannelOptions options, string statePath, ILogger logger, TimeProvider timeProvider)
    {
        Name = name;
        _options = options;
        _statePath = statePath;
        _logger = logger;
        _timeProvider = timeProvider;
        _backoff = new SourceBackoff(timeProvider, options.RetryDelay, options.MaxRetryDelay);
    }

    public string Name { get; }

    public ChannelKind Channel => ChannelKind.Email;

    private int Port => MailConnector.ResolvePort(_options, 110, 995);

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_backoff.IsBackingOff(out var remaining))
        {
            EmailSourceLog.BackingOff(_logger, Name, _backoff.Failures, remaining);
            yield break;
        }

        // A session left open by an abandoned poll holds a stale snapshot of the mailbox.
        await CloseSessionAsync(quit: true).ConfigureAwait(false);

        // Offered once per poll even when the caller acknowledges nothing, so an unacknowledged batch is not re-offered.
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        try
        {
            while (true)
            {
                var pending = await GuardAsync(ct => ListPendingAsync(offered, first, ct), cancellationToken).ConfigureAwait(false);
                first = false;
                if (pending.Count == 0)
                {
                    break;
                }

                var chunk = pending.GetRange(0, Math.Min(_options.BatchSize, pending.Count));
                var items = await GuardAsync(ct => FetchAsync(chunk, ct), cancellationToken).ConfigureAwait(false);
                offered.UnionWith(chunk.Select(c => c.Uidl));
                yield return new InboundBatch(items, pending.Count - chunk.Count);
            }
        }
        finally
        {
            // Nothing is flagged for deletion here (only AcknowledgeAsync deletes, and it QUITs itself).
            await CloseSessionAsync(quit: true).ConfigureAwait(false);
        }
    }

    public async ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        var uidls = items.Select(i => (string)i.SourceState!).ToList();
        if (_options.AfterImport == Pop3AfterImport.Keep)
        {
            var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
            await state.AddImportedAsync(uidls, cancellationToken).ConfigureAwait(false);
            EmailSourceLog.Acknowledged(_logger, Name, uidls.Count, "Keep");
            return;
        }

        await GuardAsync(async ct =>
        {
            var client = await EnsureSessionAsync(ct).ConfigureAwait(false);
            var wanted = uidls.ToHashSet(StringComparer.Ordinal);
            var indexes = _sessionUidls!.Select((uidl, index) => (uidl, index)).Where(p => wanted.Contains(p.uidl))
                .Select(p => p.index).ToList();
            if (indexes.Count > 0)
            {
                await client.DeleteMessagesAsync(indexes, ct).ConfigureAwait(false);
            }

            // POP3 commits deletions only on QUIT: a dropped session would undelete them.
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
            await CloseSessionAsync(quit: false).ConfigureAwait(false);
            EmailSourceLog.Acknowledged(_logger, Name, indexes.Count, "Delete");
            return indexes.Count;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POP3 has no folders: the message stays on the server and its UIDL is remembered as rejected.</summary>
    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        await state.AddRejectedAsync((string)item.SourceState!, reason, cancellationToken).ConfigureAwait(false);
        EmailSourceLog.Rejected(_logger, Name, item.SourceKey, "state file (left on the server)", reason);
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseBuffers();
        await CloseSessionAsync(quit: false).ConfigureAwait(false);
    }

    private async Task<List<(int Index, string Uidl)>> ListPendingAsync(
        HashSet<string> offered, bool pruneState, CancellationToken cancellationToken)
    {
        var client = await EnsureSessionAsync(cancellationToken).ConfigureAwait(false);
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (pruneState)
        {
            await state.PruneAsync(_sessionUidls!.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        var pending = _sessionUidls!.Select((uidl, index) => (Index: index, Uidl: uidl))
            .Where(m => !state.IsKnown(m.Uidl) && !offered.Contains(m.Uidl) && !_tooOld.Contains(m.Uidl))
            .ToList();
        if (_options.ImportSince is { } since && pending.Count > 0)
        {
            pending = await DropTooOldAsync(client, pending, since, cancellationToken).ConfigureAwait(false);
        }

        EmailSourceLog.Pop3Pending(_logger, Name, pending.Count);
        return pending;
    }

    /// <summary>POP3 has no INTERNALDATE: reads the headers (pipelined) and leaves older messages untouched.</summary>
    private async Task<List<(int Index, string Uidl)>> DropTooOldAsync(
        Pop3Client client, List<(int Index, string Uidl)> pending, DateOnly since, CancellationToken cancellationToken)
    {
        var threshold = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var streams = await client.GetStreamsAsync(pending.Select(p => p.Index).ToList(), headersOnly: true, cancellationToken)
            .ConfigureAwait(false);
        var kept = new List<(int Index, string Uidl)>(pending.Count);
        for (var i = 0; i < pending.Count; i++)
        {
            await using var stream = streams[i];
            var date = await DeliveryDate.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (date is { } d && d < threshold)
            {
                _tooOld.Add(pending[i].Uidl);
            }
            else
            {
                kept.Add(pending[i]);
            }
        }

        return kept;
    }

    private async Task<IReadOnlyList<InboundItem>> FetchAsync(List<(int Index, string Uidl)> chunk, CancellationToken cancellationToken)
    {
        ReleaseBuffers();
        var client = await EnsureSessionAsync(cancellationToken).ConfigureAwait(false);
        var streams = await client.GetStreamsAsync(chunk.Select(c => c.Index).ToList(), headersOnly: false, cancellationToken)
            .ConfigureAwait(false);
        var items = new List<InboundItem>(chunk.Count);
        long bytes = 0;
        for (var i = 0; i < chunk.Count; i++)
        {
            MessageBuffer buffer;
            await using (var stream = streams[i])
            {
                buffer = await MessageBuffer.CopyAsync(stream, cancellationToken).ConfigureAwait(false);
            }

            _buffers.Add(buffer);
            bytes += buffer.Length;
            await using var copy = await buffer.OpenAsync(cancellationToken).ConfigureAwait(false);
            var receivedAt = await DeliveryDate.ReadAsync(copy, cancellationToken).ConfigureAwait(false) ?? _timeProvider.GetUtcNow();
            items.Add(CreateItem(chunk[i].Uidl, receivedAt, buffer));
        }

        EmailSourceLog.Fetched(_logger, Name, items.Count, bytes);
        return items;
    }

    private InboundItem CreateItem(string uidl, DateTimeOffset receivedAt, MessageBuffer buffer) => new()
    {
        SourceKey = $"pop3:{_options.User}@{_options.Host}/{uidl}",
        ChannelName = Name,
        Channel = ChannelKind.Email,
        ReceivedAt = receivedAt,
        OpenAsync = buffer.OpenAsync,
        Length = buffer.Length,
        OriginalFileName = "message.eml",
        OriginalContentType = "message/rfc822",
        SourceState = uidl,
        Metadata = new Dictionary<string, string>
        {
            ["mailbox"] = $"{_options.User}@{_options.Host}",
            ["pop3.uidl"] = uidl,
        },
    };

    private async Task<Pop3Client> EnsureSessionAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true } && _sessionUidls is not null)
        {
            return _client;
        }

        await CloseSessionAsync(quit: false).ConfigureAwait(false);
        var client = new Pop3Client();
        try
        {
            await MailConnector.ConnectAsync(client, _options, Name, "POP3", Port, _logger, cancellationToken).ConfigureAwait(false);
            _sessionUidls = await client.GetMessageUidsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await MailConnector.QuietDisconnectAsync(client, quit: false, Name, _logger).ConfigureAwait(false);
            throw;
        }

        _client = client;
        return client;
    }

    private async Task CloseSessionAsync(bool quit)
    {
        var client = _client;
        _client = null;
        _sessionUidls = null;
        await MailConnector.QuietDisconnectAsync(client, quit, Name, _logger).ConfigureAwait(false);
    }

    private async Task<Pop3UidlState> GetStateAsync(CancellationToken cancellationToken) =>
        _state ??= await Pop3UidlState.LoadAsync(_statePath, cancellationToken).ConfigureAwait(false);

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
            await CloseSessionAsync(quit: false).ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            var delay = _backoff.RecordFailure();
            EmailSourceLog.ConnectFailed(_logger, ex, Name, _options.Host, Port, delay, _backoff.Failures);
            await CloseSessionAsync(quit: false).ConfigureAwait(false);
            throw;
        }
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
