using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Cli.Channels;

/// <summary>
/// The folders the service needs, checked the same way by <c>channels check</c> and by <c>/health</c>: the store's
/// data, archive and quarantine folders (when the store keeps files) and every enabled file channel's folders
/// (mail drop, scan folder, fax spool). Mailbox channels have no folder; disabled channels are not looked at.
/// </summary>
internal sealed class ServiceFolders(ChannelCatalog catalog, IOptions<StoreOptions> store, IConfiguration configuration)
{
    /// <summary>The store's folders, subject "store", "archive" or "quarantine".</summary>
    public IEnumerable<CheckResult> Store() => StoreFolders().Select(f => FolderProbe.Target(f.Subject, f.Key, f.Path));

    /// <summary>
    /// The folders the store writes on this machine, each with the key that sets it: its data folder (the LiteDB file
    /// and the mail spool), the archive and the quarantine; a store shared on PostgreSQL keeps only a folder archive here.
    /// </summary>
    public IEnumerable<(string Subject, string Key, string Path)> StoreFolders()
    {
        var options = store.Value;
        var shared = StoreProviderServiceCollectionExtensions.IsShared(configuration);
        if (!shared)
        {
            yield return ("store", $"{StoreOptions.SectionName}:DataDirectory", Path.GetDirectoryName(Path.GetFullPath(options.ResolvedDatabasePath))!);
        }

        var archiveKind = configuration.GetValue($"{PostgreSqlStoreOptions.SectionName}:Archive", PostgreSqlArchiveKind.Database);
        if (!shared || archiveKind == PostgreSqlArchiveKind.Folder)
        {
            var key = options.ArchivePath is null ? $"{StoreOptions.SectionName}:DataDirectory (archive)" : $"{StoreOptions.SectionName}:ArchivePath";
            yield return ("archive", key, options.ResolvedArchivePath);
        }

        if (!shared)
        {
            var key = options.QuarantinePath is null ? $"{StoreOptions.SectionName}:DataDirectory (quarantine)" : $"{StoreOptions.SectionName}:QuarantinePath";
            yield return ("quarantine", key, options.ResolvedQuarantinePath);
        }
    }

    /// <summary>Each enabled file channel's folder checks, with the channel's name.</summary>
    public IEnumerable<(string Channel, CheckResult Result)> Channels() =>
        catalog.Channels
            .Where(c => ChannelsCheckCommand.MailProtocol(c.Factory.Type, c.Section) is null)
            .SelectMany(c => FolderProbe.Check(c.Section, c.Factory.Type).Select(r => (c.Name, r)));
}
