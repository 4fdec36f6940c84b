using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using LiteDB;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// Copies a LiteDB store (its file held exclusively, so no service may be running on it) and its archive into a
/// PostgreSQL store. Rows go in chunks, each its own transaction, and every insert skips what is already there, so a
/// copy that was interrupted is simply run again. Ticket numbers, quarantine, spam, outbox and webhook ids are kept. The
/// originals go to the target's archive (database or shared folder, see <see cref="ArchiveCopy"/>). At the end the row
/// counts of both sides are compared, a LiteDB collection this copy does not know is reported rather than skipped, and
/// every archived original is read back from the target and re-hashed.
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
        var c = new StoreCollections(db);
        var counts = new List<StoreCopyCount>
        {
            await CopyAsync(target, "tickets", c.Tickets.FindAll(), (t, p) => p.AddRange([("number", t.Number), ("year", t.Year), ("sequence", t.Sequence),
                ("source", t.SourceKey), ("status", t.Status.ToString()), ("channel", t.ChannelName), ("received", t.ReceivedAt), ("due", t.DueAt),
                ("doc", StoreJson.Serialize(t))]),
                "INSERT INTO tickets (number, year, sequence, source_key, status, channel_name, received_at, due_at, doc) VALUES (@number, @year, @sequence, @source, @status, @channel, @received, @due, @doc) ON CONFLICT DO NOTHING",
                cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "sources", c.Sources.FindAll(), (s, p) => p.AddRange([("k", s.Key), ("o", s.Outcome.ToString()), ("t", s.TicketNumber), ("at", s.At)]),
                "INSERT INTO sources (key, outcome, ticket_number, at) VALUES (@k, @o, @t, @at) ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "message_ids", c.MessageIds.FindAll(), (m, p) => p.AddRange([("c", MessageIdKey.ChannelOf(m)), ("m", m.MessageId),
                ("n", MessageIdKey.NumberOf(m)), ("t", m.TicketNumber), ("f", m.Fingerprint), ("k", m.SourceKey)]),
                "INSERT INTO message_ids (channel, message_id, n, ticket_number, fingerprint, source_key) VALUES (@c, @m, @n, @t, @f, @k) ON CONFLICT DO NOTHING",
                cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "counters", c.Counters.FindAll(), (r, p) => p.AddRange([("y", int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)), ("v", r.Value)]),
                "INSERT INTO counters (year, value) VALUES (@y, @v) ON CONFLICT (year) DO UPDATE SET value = GREATEST(counters.value, excluded.value)", cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "outbox", c.Outbox.FindAll(), (o, p) => p.AddRange([("id", (long)o.Id), ("ticket", o.TicketNumber), ("to", o.To.Trim().ToLowerInvariant()),
                ("created", o.CreatedAt), ("next", o.NextAttemptAt), ("sent", o.SentAt), ("doc", StoreJson.Serialize(o))]),
                "INSERT INTO outbox (id, ticket_number, to_lower, created_at, next_attempt_at, sent_at, doc) VALUES (@id, @ticket, @to, @created, @next, @sent, @doc) ON CONFLICT DO NOTHING",
                cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "quarantine", c.Quarantine.FindAll(), (q, p) => p.AddRange([("id", (long)q.Id), ("k", q.SourceKey), ("status", q.Status.ToString()), ("doc", StoreJson.Serialize(q))]),
                "INSERT INTO quarantine (id, source_key, status, doc) VALUES (@id, @k, @status, @doc) ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "auto_mail", c.AutoMail.FindAll(), (a, p) => p.AddRange([("id", (long)a.Id), ("at", a.At), ("k", a.SourceKey), ("doc", StoreJson.Serialize(a))]),
                "INSERT INTO auto_mail (id, at, source_key, doc) VALUES (@id, @at, @k, @doc) ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "settings", c.Settings.FindAll(), (s, p) => p.AddRange([("k", s.Key), ("v", s.Value), ("a", s.Actor), ("at", s.At)]),
                "INSERT INTO settings (key, value, actor, at) VALUES (@k, @v, @a, @at) ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "webhooks", c.Webhooks.FindAll(), (w, p) => p.AddRange([("id", (long)w.Id), ("webhook", w.Webhook), ("created", w.CreatedAt),
                ("next", w.NextAttemptAt), ("delivered", w.DeliveredAt), ("abandoned", w.AbandonedAt), ("doc", StoreJson.Serialize(w))]),
                """
                INSERT INTO webhooks (id, webhook, created_at, next_attempt_at, delivered_at, abandoned_at, doc)
                VALUES (@id, @webhook, @created, @next, @delivered, @abandoned, @doc) ON CONFLICT DO NOTHING
                """, cancellationToken).ConfigureAwait(false),
            await CopyAsync(target, "spam", c.Spam.FindAll(), (r, p) => p.AddRange([("id", (long)r.Id), ("k", r.SourceKey), ("status", r.Status.ToString()),
                ("at", r.At), ("doc", StoreJson.Serialize(r))]),
                "INSERT INTO spam (id, source_key, status, at, doc) VALUES (@id, @k, @status, @at, @doc) ON CONFLICT DO NOTHING", cancellationToken).ConfigureAwait(false),
        };
        await ResetSequencesAsync(target, cancellationToken).ConfigureAwait(false);
        var problems = counts.Where(n => n.Source != n.Target).Select(n => $"{n.Table}: {n.Source} in LiteDB, {n.Target} in PostgreSQL").ToList();
        problems.AddRange(db.GetCollectionNames().Except(Copied, StringComparer.OrdinalIgnoreCase).Where(name => db.GetCollection(name).Count() > 0)
            .Select(name => $"LiteDB collection '{name}' holds rows this version does not copy"));
        var archive = PostgreSqlTicketStoreFactory.OpenArchive(targetStore, targetOptions, target);
        var (originals, verified) = await ArchiveCopy.RunAsync(Path.GetFullPath(source.ResolvedArchivePath), archive, problems, cancellationToken).ConfigureAwait(false);
        if (targetOptions.Archive == PostgreSqlArchiveKind.Folder)
        {
            DirectorySync.FlushFileSystem(Path.GetFullPath(targetStore.ResolvedArchivePath));
        }

        counts.Add(new StoreCopyCount("originals", originals, verified));
        return new StoreCopyReport(counts, verified, problems);
    }

    private static async Task<StoreCopyCount> CopyAsync<T>(NpgsqlDataSource target, string table, IEnumerable<T> rows,
        Action<T, List<(string, object?)>> values, string sql, CancellationToken cancellationToken)
    {
        long source = 0;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            await using var db = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var row in chunk)
            {
                var parameters = new List<(string, object?)>();
                values(row, parameters);
                await Sql.ExecuteAsync(db, sql, cancellationToken, [.. parameters]).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            source += chunk.Length;
        }

        await using var count = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var copied = (long)(await Sql.ScalarAsync(count, $"SELECT count(*) FROM {table}", cancellationToken).ConfigureAwait(false))!;
        return new StoreCopyCount(table, source, copied);
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
