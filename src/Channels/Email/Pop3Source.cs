using System.Runtime.CompilerServices;
using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A POP3 mailbox. One session per poll; messages are tracked by UIDL and fetched pipelined in batches. In Delete
/// mode a batch's deletions are committed by the QUIT that ends its acknowledgement, and the next batch opens a
/// new session (message indexes are only valid inside one session).
/// </summary>
internal sealed class Pop3Source : IInboundSource, IBackoffReportingSource
{
    private readonly Pop3ChannelOptions _options;
    private readonly Pop3Session _session;
    private readonly Pop3UidlFilter _filter;
    private readonly Pop3BatchFetcher _fetcher;
    private readonly Pop3Acknowledger _acknowledger;
    private readonly MailSourceGuard _guard;

    public Pop3Source(
        string name, Pop3ChannelOptions options, string statePath, ILogger logger, TimeProvider timeProvider,
        long maxMessageBytes = MailNormalizerOptions.DefaultMaxMessageBytes, ChannelKind? channel = null, OAuth2TokenCache? oauth2 = null)
    {
        Name = name;
        Channel = channel ?? (options.Pec ? ChannelKind.Pec : ChannelKind.Email);
        _options = options;
        _session = new Pop3Session(name, options, logger, oauth2);
        _filter = new Pop3UidlFilter(name, options, statePath, _session, logger);
        _fetcher = new Pop3BatchFetcher(name, options, _session, logger, timeProvider, maxMessageBytes, Channel);
        _acknowledger = new Pop3Acknowledger(name, _session, _filter, logger);
        _guard = new MailSourceGuard(name, options, _session.Port, logger, timeProvider, () => _session.CloseAsync(quit: false));
    }

    public string Name { get; }

    public bool IsBackingOff => _guard.InBackoffWindow;

    public ChannelKind Channel { get; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_guard.IsBackingOff())
        {
            yield break;
        }

        // A session left open by an abandoned poll holds a stale snapshot of the mailbox.
        await _session.CloseAsync(quit: true).ConfigureAwait(false);

        // Offered once per poll even when the caller acknowledges nothing, so an unacknowledged batch is not re-offered.
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        try
        {
            while (true)
            {
                var pending = await _guard.RunAsync(ct => _filter.ListPendingAsync(offered, first, ct), cancellationToken).ConfigureAwait(false);
                first = false;
                if (pending.Count == 0)
                {
                    break;
                }

                var chunk = pending.GetRange(0, Math.Min(_options.BatchSize, pending.Count));
                var items = await _guard.RunAsync(ct => _fetcher.FetchAsync(chunk, ct), cancellationToken).ConfigureAwait(false);
                offered.UnionWith(chunk.Select(c => c.Uidl));
                yield return new InboundBatch(items, pending.Count - chunk.Count);
            }
        }
        finally
        {
            // Nothing is flagged for deletion here (only AcknowledgeAsync deletes, and it QUITs itself).
            await _session.CloseAsync(quit: true).ConfigureAwait(false);
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
            await _acknowledger.RememberImportedAsync(uidls, cancellationToken).ConfigureAwait(false);
            return;
        }

        await _guard.RunAsync(ct => _acknowledger.DeleteAsync(uidls, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POP3 has no folders: the message stays on the server and its UIDL is remembered as rejected.</summary>
    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        await _acknowledger.RememberRejectedAsync((string)item.SourceState!, item.SourceKey, reason, cancellationToken)
            .ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _session.CloseAsync(quit: false).ConfigureAwait(false);
    }
}
