using MailKit.Net.Pop3;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Decides which messages of the session are still to import: not in the UIDL state file (imported in Keep mode, or
/// rejected), not offered earlier in this poll, and not delivered before <c>ImportSince</c>.
/// </summary>
internal sealed class Pop3UidlFilter(string channel, Pop3ChannelOptions options, string statePath, Pop3Session session, ILogger logger)
{
    // Remembered for the source's lifetime so old messages' headers are read once, not at every poll.
    private readonly HashSet<string> _tooOld = new(StringComparer.Ordinal);
    private Pop3UidlState? _state;

    public async Task<Pop3UidlState> GetStateAsync(CancellationToken cancellationToken) =>
        _state ??= await Pop3UidlState.LoadAsync(statePath, cancellationToken).ConfigureAwait(false);

    /// <summary>The pending messages; <paramref name="pruneState"/> forgets state of UIDLs gone from the server.</summary>
    public async Task<List<(int Index, string Uidl)>> ListPendingAsync(
        HashSet<string> offered, bool pruneState, CancellationToken cancellationToken)
    {
        var client = await session.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var state = await GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (pruneState)
        {
            await state.PruneAsync(session.Uidls.ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        }

        var pending = session.Uidls.Select((uidl, index) => (Index: index, Uidl: uidl))
            .Where(m => !state.IsKnown(m.Uidl) && !offered.Contains(m.Uidl) && !_tooOld.Contains(m.Uidl))
            .ToList();
        if (options.ImportSince is { } since && pending.Count > 0)
        {
            pending = await DropTooOldAsync(client, pending, since, cancellationToken).ConfigureAwait(false);
        }

        EmailSourceLog.Pop3Pending(logger, channel, pending.Count);
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
}
