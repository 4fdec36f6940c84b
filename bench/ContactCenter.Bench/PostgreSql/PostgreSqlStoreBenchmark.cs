using System.Diagnostics;
using System.Text.Json;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Store;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.PostgreSql;
using Npgsql;
using NpgsqlTypes;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// Tickets per second through the PostgreSQL store's <see cref="ITicketStore.DispatchAsync"/> (one transaction per
/// batch, <c>synchronous_commit</c> on) against raw Npgsql writing the same rows (ticket, source key, Message-ID) in
/// the same batches: one NpgsqlBatch and one commit per batch, no lookups. A private PostgreSQL (the test fixture's)
/// on loopback, both runs in the same server, each in its own database.
/// </summary>
internal sealed class PostgreSqlStoreBenchmark : IBenchmark
{
    public string Name => "pgstore";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        await using var server = await PostgresServer.CreateAsync(cancellationToken, ProductionSettings.With(new Dictionary<string, string>()));
        var rows = new List<BenchRow>();
        foreach (var (batch, full, quick) in new[] { (10, 2_000, 500), (100, 5_000, 1_000) })
        {
            var count = context.Size(full, quick);
            var store = await DispatchRateAsync(context.NewFolder("pgstore"), await PooledDatabase.CreateAsync(server, cancellationToken), batch, count, cancellationToken);
            var raw = await RawRateAsync(await PooledDatabase.CreateAsync(server, cancellationToken), batch, count, cancellationToken);
            BenchContext.Say($"pgstore: batch {batch}: {store:F0} tickets/s through the store, {raw:F0} tickets/s raw Npgsql");
            rows.Add(new BenchRow(
                $"PostgreSQL store, batch of {batch} ({count:N0} tickets)",
                Rate.Format(store, "tickets/s"),
                $"raw Npgsql INSERT of the same rows, one NpgsqlBatch + commit per batch: {Rate.Format(raw, "tickets/s")}",
                store / raw,
                "–",
                "per batch, two round trips: one reads its source keys and Message-IDs and locks the year's counter row, one NpgsqlBatch writes its "
                + "ticket, source and Message-ID rows and commits (synchronous_commit on); loopback TCP to a private PostgreSQL 15 (shared_buffers 512 MB, as a production server)"));
        }

        return rows;
    }

    private static async Task<double> DispatchRateAsync(string folder, string database, int batch, int count, CancellationToken cancellationToken)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = database, Clustered = false };
        await using (var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options))
        {
            await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, cancellationToken);
        }

        using var store = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder }, options);
        var requests = Enumerable.Range(1, count).Select(n => StoreTickets.Request(n, "pg")).ToList();
        await store.DispatchAsync([StoreTickets.Request(0, "warm")], cancellationToken);
        return await StoreTickets.DispatchRateAsync(store, requests, batch, cancellationToken);
    }

    private static async Task<double> RawRateAsync(string database, int batch, int count, CancellationToken cancellationToken)
    {
        await using var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(new PostgreSqlStoreOptions { ConnectionString = database });
        await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, cancellationToken);
        var tickets = Enumerable.Range(1, count).Select(n => StoreTickets.Ticket(StoreTickets.Request(n, "raw"), n)).ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in tickets.Chunk(batch))
        {
            await using var db = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.BeginTransactionAsync(cancellationToken);
            await using var commands = new NpgsqlBatch(db, transaction);
            foreach (var ticket in chunk)
            {
                commands.BatchCommands.Add(Command(
                    "INSERT INTO tickets (number, year, sequence, source_key, status, channel_name, received_at, due_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                    ticket.Number, ticket.Year, ticket.Sequence, ticket.SourceKey, ticket.Status.ToString(), ticket.ChannelName, ticket.ReceivedAt, ticket.DueAt,
                    new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(ticket, StoreJson.Options) }));
                commands.BatchCommands.Add(Command("INSERT INTO sources (key, outcome, ticket_number, at) VALUES ($1, $2, $3, $4)",
                    ticket.SourceKey, nameof(SourceOutcome.Created), ticket.Number, ticket.ReceivedAt));
                commands.BatchCommands.Add(Command("INSERT INTO message_ids (channel, message_id, n, ticket_number, source_key) VALUES ($1, $2, 1, $3, $4)",
                    ticket.ChannelName, ticket.MessageId!, ticket.Number, ticket.SourceKey));
            }

            await commands.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return Rate.PerSecond(count, Stopwatch.GetElapsedTime(started));
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
