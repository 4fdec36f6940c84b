using System.Diagnostics;
using ContactCenter.Bench.Reporting;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Bench.Store;

/// <summary>
/// Tickets per second committed durably through <see cref="ITicketStore.DispatchAsync"/> (one transaction per batch,
/// then a checkpoint, which fsyncs the data file) against LiteDB's own floor: the same tickets inserted and committed
/// in the same batches, with automatic checkpoints off and no fsync at all.
/// </summary>
internal sealed class StoreBenchmark : IBenchmark
{
    public string Name => "store";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var rows = new List<BenchRow>();
        foreach (var (batch, full, quick) in new[] { (1, 300, 100), (10, 2_000, 500), (100, 5_000, 1_000) })
        {
            var count = context.Size(full, quick);
            var durable = await DispatchRateAsync(context.NewFolder("store"), batch, count, cancellationToken);
            var floor = LiteDbRate(context.NewFolder("litedb"), batch, count);
            BenchContext.Say($"store: batch {batch}: {durable:F0} tickets/s durable, {floor:F0} tickets/s LiteDB floor");
            rows.Add(new BenchRow(
                $"Store, batch of {batch} ({StoreTickets.BsonBytes():N0}-byte tickets, {count:N0})",
                Rate.Format(durable, "tickets/s"),
                $"LiteDB insert+commit, no checkpoint: {Rate.Format(floor, "tickets/s")}",
                durable / floor,
                "–",
                batch == 1
                    ? "one checkpoint (fsync) per ticket"
                    : "per batch: one query for its source keys, one for its Message-IDs, one checkpoint; per ticket: ticket + 5 index rows, source row, Message-ID row"));
        }

        return rows;
    }

    private static async Task<double> DispatchRateAsync(string folder, int batch, int count, CancellationToken cancellationToken)
    {
        using var store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = folder });
        var requests = Enumerable.Range(1, count).Select(n => StoreTickets.Request(n, "durable")).ToList();
        return await StoreTickets.DispatchRateAsync(store, requests, batch, cancellationToken);
    }

    private static double LiteDbRate(string folder, int batch, int count)
    {
        var connection = new ConnectionString
        {
            Filename = Path.Combine(folder, "floor.db"),
            Connection = ConnectionType.Direct,
            Collation = new Collation("en-US/Ordinal"),
        };
        using var db = new LiteDatabase(connection, StoreBsonMapper.Create()) { CheckpointSize = 0 };
        var tickets = db.GetCollection<Ticket>("tickets");
        tickets.EnsureIndex(nameof(Ticket.SourceKey), "$.SourceKey", unique: true);
        tickets.EnsureIndex(nameof(Ticket.Number), "$.Number", unique: true);
        var documents = Enumerable.Range(1, count)
            .Select(n => StoreTickets.Ticket(StoreTickets.Request(n, "floor"), n))
            .ToList();
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in documents.Chunk(batch))
        {
            db.BeginTrans();
            tickets.InsertBulk(chunk);
            db.Commit();
        }

        return Rate.PerSecond(count, Stopwatch.GetElapsedTime(started));
    }
}
