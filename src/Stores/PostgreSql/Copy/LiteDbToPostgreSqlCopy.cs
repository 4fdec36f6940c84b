using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using LiteDB;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// Copies a LiteDB store (its file held exclusively, so no service may be running on it) and its archive into a
/// PostgreSQL store. Rows go in chunks, each its own transaction, and every insert skips what is already there, so a
/// copy that was interrupted is simply run again. That is only safe while whatever the target holds was written by an
/// earlier run from this same store: so before writing anything each target row is compared with the LiteDB row of its
/// key, and a target with any other row (the service ran on it and took the same ticket numbers, another store went
/// into it, this store changed since) is refused with those rows named and nothing copied. Ticket numbers, quarantine,
/// spam, outbox and webhook ids are kept. The originals go to the target's archive (database or shared folder, see
/// <see cref="ArchiveCopy"/>). At the end every LiteDB row is compared again with its target row, column by column (a
/// count would not see a row skipped for another's key), a LiteDB collection this copy does not know is reported
/// rather than skipped, and every archived original is read back from the target and re-hashed. The online form's keys
/// and the OAuth2 tokens a provider rotated go along (<see cref="SharedKeysCopy"/>).
/// </summary>
public static class LiteDbToPostgreSqlCopy
{
    private const int Chunk = 500;

    /// <summary>The LiteDB collections this copy carries over; any other one with rows makes the copy unverified.</summary>
    private static readonly string[] Copied = ["tickets", "sources", "messageids", "counters", "outbox", "quarantine", "events", "settings", "webhooks", "spam"];

    public static async Task<StoreCopyReport> RunAsync(StoreOptions source, NpgsqlDataSource target, StoreOptions targetStore, PostgreSqlStoreOptions targetOptions,
        CancellationToken cancellationToken)
    {
        await PostgreSqlTicketStoreFactory.MigrateAsync(target, null, cancellationToken).ConfigureAwait(false);
        var path = Path.GetFullPath(source.ResolvedDatabasePath);
        using var fileLock = StoreLock.Acquire(path);
        using var db = new LiteDatabase(new LiteDB.ConnectionString { Filename = path, Connection = ConnectionType.Direct, ReadOnly = false }, StoreBsonMapper.Create());
        var tables = CopiedTables.Of(db);
        var before = new List<TableComparison>();
        foreach (var table in tables)
        {
            before.Add(await TargetComparer.CompareAsync(target, table, cancellationToken).ConfigureAwait(false));
        }

        var foreign = before.SelectMany(t => t.RefusalLines()).ToList();
        if (foreign.Count > 0)
        {
            return StoreCopyReport.Refuse([.. before.Select(t => new StoreCopyCount(t.Table, t.Source, t.Target))], foreign);
        }

        foreach (var table in tables)
        {
            await CopyAsync(target, table, cancellationToken).ConfigureAwait(false);
        }

        await ResetSequencesAsync(target, cancellationToken).ConfigureAwait(false);
        var counts = new List<StoreCopyCount>();
        var problems = new List<string>();
        foreach (var table in tables)
        {
            var after = await TargetComparer.CompareAsync(target, table, cancellationToken).ConfigureAwait(false);
            counts.Add(new StoreCopyCount(after.Table, after.Source, after.Target));
            problems.AddRange(after.VerificationLines());
        }

        problems.AddRange(db.GetCollectionNames().Except(Copied, StringComparer.OrdinalIgnoreCase).Where(name => db.GetCollection(name).Count() > 0)
            .Select(name => $"LiteDB collection '{name}' holds rows this version does not copy"));
        var archive = PostgreSqlTicketStoreFactory.OpenArchive(targetStore, targetOptions, target);
        var (originals, verified) = await ArchiveCopy.RunAsync(Path.GetFullPath(source.ResolvedArchivePath), archive, problems, cancellationToken).ConfigureAwait(false);
        if (targetOptions.Archive == PostgreSqlArchiveKind.Folder)
        {
            DirectorySync.FlushFileSystem(Path.GetFullPath(targetStore.ResolvedArchivePath));
        }

        counts.Add(new StoreCopyCount("originals", originals, verified));
        counts.AddRange(SharedKeysCopy.Run(source.DataDirectory, target, targetOptions, problems));
        return new StoreCopyReport(counts, verified, problems);
    }

    private static async Task CopyAsync(NpgsqlDataSource target, CopiedTable table, CancellationToken cancellationToken)
    {
        foreach (var chunk in table.Rows().Chunk(Chunk))
        {
            await using var db = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in chunk)
            {
                await Sql.ExecuteAsync(db, table.InsertSql, cancellationToken, table.Parameters(row)).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ids were copied as they were: the next ones handed out must come after them.</summary>
    private static async Task ResetSequencesAsync(NpgsqlDataSource target, CancellationToken cancellationToken)
    {
        await using var db = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var table in new[] { "outbox", "quarantine", "auto_mail", "webhooks", "spam" })
        {
            await Sql.ExecuteAsync(db, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))", cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
