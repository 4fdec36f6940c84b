using ContactCenter.Channels.Email;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Store;

/// <summary>
/// <c>contactcenter store verify</c>: every archived file the store names (originals, attachments, quarantined and
/// held items) is read back from the live archive and re-hashed against its name, on either store, while the service
/// runs. What the LiteDB store names is read from a snapshot (from the service when it runs, as <c>store backup</c>
/// takes it) in a private temporary folder; PostgreSQL's from its tables, and the <c>blobs</c> table is hashed by the
/// server (<see cref="PostgreSqlArchiveAudit"/>). Every attachment kept as a slice of its original is decoded from it and
/// hashed (<see cref="AttachmentSliceAudit"/>), first, in the read that hashes that original; <c>--quick</c> only
/// checks that the files are there.
/// </summary>
internal sealed class StoreVerifyCommand(CliContext context) : AsyncCommand<StoreVerifySettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, StoreVerifySettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            await using var session = CliSession.Open(context, settings, command);
            var shared = StoreProviderServiceCollectionExtensions.IsShared(session.Configuration);
            // What the LiteDB store names is read from a snapshot, kept until the slices are decoded too.
            using var snapshot = shared ? null : await VerifySnapshot.TakeAsync(session, cancellationToken).ConfigureAwait(false);
            var referenced = snapshot is null
                ? await PostgreSqlArchiveReferences.ReadAsync(session.Get<NpgsqlDataSource>(), cancellationToken).ConfigureAwait(false)
                : StoreBlobReferences.Read(snapshot.DatabasePath);
            // The attachments first: the read that decodes an original's slices hashes it too, and the archive's check skips it.
            var originals = new CheckedArchiveFiles();
            var slices = settings.Quick ? null : await AttachmentSliceAudit.RunAsync(session.Get<IContentArchive>(), snapshot is null
                    ? PostgreSqlArchiveReferences.ReadSlicesAsync(session.Get<NpgsqlDataSource>(), cancellationToken)
                    : StoreBlobReferences.ReadSlicesAsync(snapshot.DatabasePath, cancellationToken),
                referenced, originals, cancellationToken).ConfigureAwait(false);
            var report = shared && session.Get<IOptions<PostgreSqlStoreOptions>>().Value.Archive == PostgreSqlArchiveKind.Database
                ? await PostgreSqlArchiveAudit.RunAsync(session.Get<NpgsqlDataSource>(), referenced, rehash: !settings.Quick, cancellationToken, originals).ConfigureAwait(false)
                : await ArchiveAudit.RunAsync(session.Get<IContentArchive>(), referenced, rehash: !settings.Quick, cancellationToken, originals).ConfigureAwait(false);
            report = slices?.AddTo(report) ?? report;

            await PrintAsync(report, settings).ConfigureAwait(false);
            return report.Sound ? ExitCodes.Ok : ExitCodes.Failure;
        });

    private async Task PrintAsync(ArchiveAuditReport report, StoreVerifySettings settings)
    {
        if (settings.Json)
        {
            CliJson.Write(context.Output, report);
            return;
        }

        await context.Output.WriteLineAsync(settings.Quick
            ? $"Archive: {report.Present:N0} of the {report.Referenced:N0} file(s) the store names are there (not re-hashed: --quick)."
            : $"Archive: {report.Verified:N0} of the {report.Referenced:N0} file(s) the store names read back and re-hashed sound ({report.VerifiedBytes:N0} bytes).")
            .ConfigureAwait(false);
        if (!settings.Quick && report.Slices > 0)
        {
            await context.Output.WriteLineAsync(
                $"Attachments read from their originals: {report.SlicesVerified:N0} of {report.Slices:N0} decoded and hashing to their names.").ConfigureAwait(false);
        }

        if (report.Sound)
        {
            return;
        }

        await context.Error.WriteLineAsync($"The archive is NOT sound ({report.Problems.Count} problem(s)); restore these files from a backup (README, \"Backup and restore\"):")
            .ConfigureAwait(false);
        foreach (var problem in report.Problems.Take(50))
        {
            await context.Error.WriteLineAsync("  - " + problem).ConfigureAwait(false);
        }
    }
}
