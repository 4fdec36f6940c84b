using System.Runtime.CompilerServices;
using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// An IMAP mailbox folder. The connection is kept between polls; messages are tracked by UIDVALIDITY + UID (never
/// sequence numbers) and fetched one FETCH per batch of UIDs. The next batch is fetched while the pipeline stores the
/// current one; the connection serves one command at a time, so a fetch, a MOVE and a quarantine move take turns.
/// </summary>
internal sealed class ImapSource : IPrefetchingSource, IBackoffReportingSource, IPushingSource
{
    private readonly ImapChannelOptions _options;
    private readonly ImapConnection _connection;
    private readonly ImapBatchFetcher _fetcher;
    private readonly ImapAcknowledger _acknowledger;
    private readonly MailSourceGuard _guard;
    private readonly ImapIdleWatcher? _idle;
    private readonly ImapQuotaReader? _quota;
    private readonly SemaphoreSlim _turn = new(1, 1);

    public ImapSource(
        string name, ImapChannelOptions options, ILogger logger, TimeProvider timeProvider,
        Func<IProtocolLogger>? protocolLoggerFactory = null, ChannelKind channel = ChannelKind.Email,
        long maxMessageBytes = MailNormalizerOptions.DefaultMaxMessageBytes, OAuth2TokenCache? oauth2 = null,
        MailboxQuotaRegistry? quotas = null)
    {
        Name = name;
        Channel = channel;
        _options = options;
        // The IDLE connection has the same settings: one warning for the channel, not one per connection.
        var warnings = new ConnectionWarnings(timeProvider);
        _connection = new ImapConnection(name, options, logger, protocolLoggerFactory, warnings, oauth2);
        _fetcher = new ImapBatchFetcher(name, channel, options, _connection, logger, timeProvider, maxMessageBytes);
        _acknowledger = new ImapAcknowledger(name, options, _connection, logger);
        _guard = new MailSourceGuard(name, options, _connection.Port, logger, timeProvider, _connection.DropAsync);
        _idle = options.Idle ? new ImapIdleWatcher(name, options, _connection.Port, logger, timeProvider, warnings, oauth2) : null;
        _quota = quotas is null ? null : new ImapQuotaReader(name, _connection, quotas, logger, timeProvider);
    }

    public string Name { get; }

    public bool IsBackingOff => _guard.InBackoffWindow;

    public bool FetchesAhead => true;

    /// <summary>Email, or Fax for a fax-to-e-mail mailbox (<c>Type: FaxMail</c>).</summary>
    public ChannelKind Channel { get; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_guard.IsBackingOff())
        {
            yield break;
        }

        var (folder, uids) = await InTurnAsync(ListPendingAsync, cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < uids.Count; start += _options.BatchSize)
        {
            var chunk = uids.GetRange(start, Math.Min(_options.BatchSize, uids.Count - start));
            var ahead = uids.GetRange(start, Math.Min(ImapBatchFetcher.SummaryBatches * _options.BatchSize, uids.Count - start));
            var items = await InTurnAsync(ct => _fetcher.FetchAsync(folder, chunk, ahead, ct), cancellationToken).ConfigureAwait(false);
            yield return new InboundBatch(items, uids.Count - start - chunk.Count);
        }
    }

    public Task WatchAsync(Func<CancellationToken, Task> arrived, CancellationToken cancellationToken) =>
        _idle?.WatchAsync(arrived, cancellationToken) ?? Task.CompletedTask;

    public async ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        await InTurnAsync(ct => _acknowledger.AcknowledgeAsync(items, ct), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        await InTurnAsync(ct => _acknowledger.QuarantineAsync(item, reason, ct), cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        _turn.Dispose();
    }

    /// <summary>The poll's first step: the pending UIDs, and the mailbox's quota on the connection that step checked.</summary>
    private async Task<(ImapFolder Folder, List<UniqueId> Uids)> ListPendingAsync(CancellationToken cancellationToken)
    {
        var pending = await _fetcher.ListPendingAsync(cancellationToken).ConfigureAwait(false);
        if (_quota is not null)
        {
            await _quota.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        return pending;
    }

    /// <summary>One server step at a time on the shared connection (MailKit's client is not concurrent).</summary>
    private async Task<T> InTurnAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _guard.RunAsync(step, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }
}
