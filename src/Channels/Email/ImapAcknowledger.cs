using ContactCenter.Core.Intake;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Takes stored messages out of the source folder (move, mark seen, or delete) and quarantines rejected ones, touching
/// only UIDs still valid under the folder's current UIDVALIDITY.
/// </summary>
internal sealed class ImapAcknowledger(string channel, ImapChannelOptions options, ImapConnection connection, ILogger logger)
{
    public async Task<int> AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        var (client, folder) = await connection.OpenSourceFolderAsync(check: false, cancellationToken).ConfigureAwait(false);
        var uids = CurrentUids(folder, items);
        if (uids.Count == 0)
        {
            return 0;
        }

        switch (options.AfterImport)
        {
            case ImapAfterImport.Move:
                await MoveToOwnFolderAsync(client, folder, uids, options.ProcessedFolder, cancellationToken).ConfigureAwait(false);
                break;
            case ImapAfterImport.MarkSeen:
                await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true }, cancellationToken)
                    .ConfigureAwait(false);
                break;
            default:
                await folder.StoreAsync(uids, new StoreFlagsRequest(StoreAction.Add, MessageFlags.Deleted) { Silent = true }, cancellationToken)
                    .ConfigureAwait(false);
                await ExpungeAsync(client, folder, uids, cancellationToken).ConfigureAwait(false);
                break;
        }

        EmailSourceLog.Acknowledged(logger, channel, uids.Count, options.AfterImport.ToString());
        return uids.Count;
    }

    /// <summary>Moves a rejected message to the quarantine folder: kept for a person to look at, never deleted.</summary>
    public async Task<int> QuarantineAsync(InboundItem item, string reason, CancellationToken cancellationToken)
    {
        var (client, folder) = await connection.OpenSourceFolderAsync(check: false, cancellationToken).ConfigureAwait(false);
        var uids = CurrentUids(folder, [item]);
        if (uids.Count == 0)
        {
            return 0;
        }

        await MoveToOwnFolderAsync(client, folder, uids, options.QuarantineFolder, cancellationToken).ConfigureAwait(false);
        EmailSourceLog.Rejected(logger, channel, item.SourceKey, options.QuarantineFolder, reason);
        return 1;
    }

    /// <summary>
    /// Moves to the Processed or Quarantine folder, made again when someone deleted it on the server since the first login
    /// (emptying the mailbox from webmail to make room under its quota): every later move failed, and the channel took
    /// the same stored messages again at each poll, never reaching the mail behind them. The server refuses the move
    /// whole (TRYCREATE), so it is sent again. MailKit sends MOVE when offered, else COPY + STORE \Deleted + UID EXPUNGE.
    /// </summary>
    private async Task MoveToOwnFolderAsync(ImapClient client, ImapFolder source, IList<UniqueId> uids, string name, CancellationToken cancellationToken)
    {
        var target = await client.GetFolderAsync(name, cancellationToken).ConfigureAwait(false);
        try
        {
            await source.MoveToAsync(uids, target, cancellationToken).ConfigureAwait(false);
        }
        catch (FolderNotFoundException)
        {
            EmailSourceLog.FolderMadeAgain(logger, channel, name);
            var parent = target.ParentFolder ?? client.GetFolder(client.PersonalNamespaces[0]);
            target = await parent.CreateAsync(target.Name, isMessageFolder: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{channel}: the server did not make the folder {name} again.");
            await source.MoveToAsync(uids, target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The items' UIDs, unless the folder was recreated since the poll (then those UIDs name other messages).</summary>
    private List<UniqueId> CurrentUids(ImapFolder folder, IReadOnlyList<InboundItem> items)
    {
        var uids = items.Select(i => (UniqueId)i.SourceState!).ToList();
        var stale = uids.Where(u => u.Validity != folder.UidValidity).ToList();
        if (stale.Count > 0)
        {
            EmailSourceLog.UidValidityChanged(logger, channel, folder.FullName, stale[0].Validity, folder.UidValidity, stale.Count);
        }

        return uids.Where(u => u.Validity == folder.UidValidity).ToList();
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
}
