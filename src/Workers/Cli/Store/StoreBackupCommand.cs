using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary>
/// <c>contactcenter store backup --to FOLDER</c>: a restorable copy of the embedded store, taken while the service runs.
/// The database first (a snapshot between two writes, from the service when it runs), then the archive: originals are
/// archived before the tickets that name them commit and are never deleted, so mirroring the archive after the snapshot
/// copies every file the snapshot names. Then the copy is checked: each file a ticket, quarantined or held item names
/// must be in the backup's archive.
/// </summary>
internal sealed class StoreBackupCommand(CliContext context) : AsyncCommand<StoreBackupSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, StoreBackupSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            if (StoreProviderServiceCollectionExtensions.IsShared(session.Configuration))
            {
                await context.Error.WriteLineAsync(PostgreSqlBackup.Advice).ConfigureAwait(false);
                return ExitCodes.BadUsage;
            }

            var folder = Path.GetFullPath(settings.To);
            Directory.CreateDirectory(folder);
            using var held = await BackupFolderLock.AcquireAsync(folder,
                () => context.Error.WriteLineAsync($"Another backup into {folder} is running: this one starts when it ends."),
                session.Get<TimeProvider>(), cancellationToken).ConfigureAwait(false);
            var databaseBytes = await StoreSnapshotDownload.WriteAsync(session, folder, cancellationToken).ConfigureAwait(false);

            var archive = Path.Combine(folder, "archive");
            var storeOptions = session.Get<IOptions<StoreOptions>>().Value;
            var source = storeOptions.ResolvedArchivePath;
            var mirror = await ArchiveMirror.CopyAsync(source, archive, cancellationToken).ConfigureAwait(false);
            var referenced = StoreBlobReferences.Read(Path.Combine(folder, StoreSnapshotFile.FileName));
            var problems = mirror.Problems
                .Concat(ArchiveMirror.Missing(archive, referenced).Select(sha => $"archive file {sha}: named by the store, not in the backup")).ToList();
            var verification = settings.Verify ? await ArchiveMirror.VerifyAsync(source, archive, referenced, cancellationToken).ConfigureAwait(false) : null;
            problems.AddRange(verification?.Problems ?? []);
            var report = new StoreBackupReport(folder, databaseBytes, mirror.Copied, mirror.CopiedBytes, mirror.Present, referenced.Count, problems,
                verification?.Verified, verification?.Repaired);
            BackupRecordFile.Write(BackupRecordFile.PathFor(storeOptions), session.Get<TimeProvider>().GetUtcNow(), report.Complete, folder, problems.Count);
            await PrintAsync(report, settings.Json).ConfigureAwait(false);
            return report.Complete ? ExitCodes.Ok : ExitCodes.Failure;
        });

    private async Task PrintAsync(StoreBackupReport report, bool json)
    {
        if (json)
        {
            CliJson.Write(context.Output, report);
            return;
        }

        await context.Output.WriteLineAsync($"Backup in {report.Folder}: {StoreSnapshotFile.FileName} {report.DatabaseBytes:N0} bytes; archive "
            + $"{report.ArchiveCopied:N0} new file(s) ({report.ArchiveCopiedBytes:N0} bytes), {report.ArchivePresent:N0} already there.").ConfigureAwait(false);
        if (report.Verified is { } verified)
        {
            await context.Output.WriteLineAsync($"Verified: {verified:N0} file(s) re-hashed sound, {report.Repaired:N0} damaged in the backup and copied again.")
                .ConfigureAwait(false);
        }

        if (report.Complete)
        {
            await context.Output.WriteLineAsync($"Checked: the {report.Referenced:N0} archived file(s) the store names are all in the backup.").ConfigureAwait(false);
            return;
        }

        await context.Error.WriteLineAsync($"The backup is incomplete ({report.Problems.Count} problem(s)):").ConfigureAwait(false);
        foreach (var problem in report.Problems.Take(20))
        {
            await context.Error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
        }
    }
}
