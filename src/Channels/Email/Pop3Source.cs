using System.Runtime.CompilerServices;
using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// A POP3 mailbox. Messages are tracked by UIDL and fetched pipelined in batches, all in one session while a poll
/// runs. In Delete mode a batch is flagged (DELE) once stored, and the flags are committed by the QUIT that ends the
/// poll, or ends the session earlier once it holds <see cref="Pop3Session.CommitAfter"/> of them (message indexes are
/// only valid inside one session, so the next batch then opens a new one). The next batch is fetched while the pipeline
/// stores the current one; the session serves one step at a time, so a fetch, a DELE and a state-file write take turns.
/// </summary>
internal sealed class Pop3Source : IPrefetchingSource, IBackoffReportingSource
{
    private readonly Pop3ChannelOptions _options;
    private readonly Pop3Session _session;
    private readonly Pop3UidlFilter _filter;
    private readonly Pop3BatchFetcher _fetcher;
    private readonly Pop3Acknowledger _acknowledger;
    private readonly MailSourceGuard _guard;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private volatile bool _polling;

    public Pop3Source(
        string name, Pop3ChannelOptions options, string statePath, ILogger logger, TimeProvider timeProvider,
        long maxMessageBytes = MailNormalizerOptions.DefaultMaxMessageBytes, ChannelKind? channel = null, OAuth2TokenCache? oauth2 = null)
    {
        Name = name;
        Channel = channel ?? (options.Pec ? ChannelKind.Pec : ChannelKind.Email);
        _options = options;
        _session = new Pop3Session(name, options, logger, new ConnectionWarnings(timeProvider), oauth2);
        _filter = new Pop3UidlFilter(name, options, statePath, _session, logger);
        _fetcher = new Pop3BatchFetcher(name, options, _session, logger, timeProvider, maxMessageBytes, Channel);
        _acknowledger = new Pop3Acknowledger(name, _session, _filter, logger);
        _guard = new MailSourceGuard(name, options, _session.Port, logger, timeProvider, () => _session.CloseAsync(quit: false));
    }

    public string Name { get; }

    public bool IsBackingOff => _guard.InBackoffWindow;

    public bool FetchesAhead => true;

    public ChannelKind Channel { get; }

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_guard.IsBackingOff())
        {
            yield break;
        }

        // A session left open by an abandoned poll holds a stale snapshot of the mailbox.
        await InTurnAsync(_ => _session.CloseAsync(quit: true), CancellationToken.None).ConfigureAwait(false);
        _polling = true;

        // Offered once per poll even when the caller acknowledges nothing, so an unacknowledged batch is not re-offered.
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        try
        {
            while (true)
            {
                // Listed and fetched in one turn: an acknowledgement's QUIT in between would end the session whose
                // message indexes the chunk holds. A stop does not cut short a fetch in a session holding deletions:
                // an interrupted command costs the session, and with it those deletions, which the QUIT at the end of
                // the poll would otherwise commit (the stop waits for one batch's RETR instead).
                var (items, remaining) = await ServerStepAsync(
                    ct => FetchNextAsync(offered, first, _session.Flagged > 0 ? CancellationToken.None : ct), cancellationToken).ConfigureAwait(false);
                first = false;
                if (items is null)
                {
                    break;
                }

                yield return new InboundBatch(items, remaining);
            }
        }
        finally
        {
            // Every acknowledgement of the poll came before this (the pipeline ends the poll after its last one): the
            // QUIT commits the deletions they flagged; if it fails, they stay on the server and the next poll finds
            // those messages stored.
            _polling = false;
            await InTurnAsync(_ => _session.CloseAsync(quit: true), CancellationToken.None).ConfigureAwait(false);
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
            await InTurnAsync(ct => _acknowledger.RememberImportedAsync(uidls, ct), cancellationToken).ConfigureAwait(false);
            return;
        }

        // Outside a poll (no QUIT at its end to wait for) the deletion is committed at once.
        await ServerStepAsync(ct => _acknowledger.DeleteAsync(uidls, commit: !_polling, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POP3 has no folders: the message stays on the server and its UIDL is remembered as rejected.</summary>
    public async ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        await InTurnAsync(ct => _acknowledger.RememberRejectedAsync((string)item.SourceState!, item.SourceKey, reason, ct), cancellationToken)
            .ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        _fetcher.Dispose();
        await _session.CloseAsync(quit: false).ConfigureAwait(false);
        _turn.Dispose();
    }

    /// <summary>The next chunk of pending messages, fetched, with how many remain after it; no items when none is pending.</summary>
    private async Task<(IReadOnlyList<InboundItem>? Items, int Remaining)> FetchNextAsync(
        HashSet<string> offered, bool first, CancellationToken cancellationToken)
    {
        var pending = await _filter.ListPendingAsync(offered, first, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return (null, 0);
        }

        var chunk = pending.GetRange(0, Math.Min(_options.BatchSize, pending.Count));
        var items = await _fetcher.FetchAsync(chunk, cancellationToken).ConfigureAwait(false);
        offered.UnionWith(chunk.Select(c => c.Uidl));
        return (items, pending.Count - chunk.Count);
    }

    /// <summary>A step on the server, in turn; a failure drops the session and starts the backoff.</summary>
    private async Task<T> ServerStepAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        T result = default!;
        await InTurnAsync(async ct => result = await _guard.RunAsync(step, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>One step at a time on the session and the UIDL state (MailKit's client is not concurrent).</summary>
    private async Task InTurnAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await step(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _turn.Release();
        }
    }
}
