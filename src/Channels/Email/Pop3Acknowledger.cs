using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Settles stored and rejected messages: in Delete mode by DELE in the session that listed them, committed by its QUIT
/// (see <see cref="DeleteAsync"/>), in Keep mode (and for rejections, as POP3 has no folders) by recording their UIDLs
/// in the state file.
/// </summary>
internal sealed class Pop3Acknowledger(string channel, Pop3Session session, Pop3UidlFilter filter, ILogger logger)
{
    public async Task RememberImportedAsync(IReadOnlyList<string> uidls, CancellationToken cancellationToken)
    {
        var state = await filter.GetStateAsync(cancellationToken).ConfigureAwait(false);
        await state.AddImportedAsync(uidls, cancellationToken).ConfigureAwait(false);
        EmailSourceLog.Acknowledged(logger, channel, uidls.Count, "Keep");
    }

    /// <summary>
    /// Flags the stored messages for deletion. The QUIT that commits them comes now when <paramref name="commit"/> says
    /// so (no poll is running) or the session holds <see cref="Pop3Session.CommitAfter"/> of them; else at the end of
    /// the poll, so that its next batches are fetched in the same session instead of a new one each.
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyList<string> uidls, bool commit, CancellationToken cancellationToken)
    {
        await session.EnsureOpenAsync(cancellationToken).ConfigureAwait(false);
        var wanted = uidls.ToHashSet(StringComparer.Ordinal);
        var indexes = session.Uidls.Select((uidl, index) => (uidl, index)).Where(p => wanted.Contains(p.uidl))
            .Select(p => p.index).ToList();
        if (indexes.Count > 0)
        {
            await session.DeleteAsync(indexes, cancellationToken).ConfigureAwait(false);
        }

        EmailSourceLog.Acknowledged(logger, channel, indexes.Count, "Delete");
        if (commit || session.Flagged >= Pop3Session.CommitAfter)
        {
            await session.QuitAsync(cancellationToken).ConfigureAwait(false);
        }

        return indexes.Count;
    }

    /// <summary>The message stays on the server; its UIDL is remembered as rejected so it is not fetched again.</summary>
    public async Task RememberRejectedAsync(string uidl, string sourceKey, string reason, CancellationToken cancellationToken)
    {
        var state = await filter.GetStateAsync(cancellationToken).ConfigureAwait(false);
        await state.AddRejectedAsync(uidl, reason, cancellationToken).ConfigureAwait(false);
        EmailSourceLog.Rejected(logger, channel, sourceKey, "state file (left on the server)", reason);
    }
}
