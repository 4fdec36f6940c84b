using System.Diagnostics;
using ContactCenter.Bench.PostgreSql;
using ContactCenter.Bench.Reporting;
using ContactCenter.Bench.Store;
using ContactCenter.Core.Statistics;
using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.PostgreSql;

namespace ContactCenter.Bench.Statistics;

/// <summary>
/// <c>stats</c> over a store of tickets, as the public statistics page is made: the statistics' fields read where the
/// tickets are (<see cref="ITicketStore.ListTicketFactsAsync"/>) against whole tickets loaded and counted, as before,
/// on both stores, the same figures required of both. Time and bytes allocated are each the best of three runs.
/// </summary>
internal sealed class StatisticsBenchmark : IBenchmark
{
    private static readonly TimeZoneInfo Rome = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public string Name => "stats";

    public async Task<IReadOnlyList<BenchRow>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Size(20_000, 3_000);
        var requests = Enumerable.Range(1, count).Select(n => StoreTickets.Request(n, "stats")).ToList();
        var rows = new List<BenchRow>();
        using (var lite = TicketStoreFactory.Open(new StoreOptions { DataDirectory = context.NewFolder("stats") }))
        {
            await StoreTickets.DispatchRateAsync(lite, requests, 100, cancellationToken);
            rows.Add(await RowAsync("LiteDB", lite, count, cancellationToken));
        }

        await using var server = await PostgresServer.CreateAsync(cancellationToken, ProductionSettings.With(new Dictionary<string, string>()));
        var options = new PostgreSqlStoreOptions { ConnectionString = await PooledDatabase.CreateAsync(server, cancellationToken), Clustered = false };
        await using (var dataSource = PostgreSqlTicketStoreFactory.CreateDataSource(options))
        {
            await PostgreSqlTicketStoreFactory.MigrateAsync(dataSource, null, cancellationToken);
        }

        using var pg = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = context.NewFolder("stats-pg") }, options);
        await StoreTickets.DispatchRateAsync(pg, requests, 100, cancellationToken);
        rows.Add(await RowAsync("PostgreSQL", pg, count, cancellationToken));
        return rows;
    }

    private static async Task<BenchRow> RowAsync(string name, ITicketStore store, int count, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var (facts, factsTime, factsBytes) = await BestOfThreeAsync(async () =>
            StatisticsCalculator.Compute(await store.ListTicketFactsAsync(null, null, cancellationToken), null, null, now, Rome));
        var (whole, wholeTime, wholeBytes) = await BestOfThreeAsync(async () =>
            StatisticsCalculator.Compute(await store.QueryAsync(new TicketQuery(), cancellationToken), null, null, now, Rome));
        if (facts.Total != whole.Total || facts.Total.Received != count || !facts.ByMonth.SequenceEqual(whole.ByMonth))
        {
            throw new InvalidOperationException($"{name}: the statistics differ: {facts.Total} against {whole.Total}");
        }

        BenchContext.Say($"stats: {name}: fields {factsTime.TotalMilliseconds:F0} ms, whole tickets {wholeTime.TotalMilliseconds:F0} ms");
        return new BenchRow(
            $"Statistics of {count:N0} tickets, {name} store",
            $"{factsTime.TotalMilliseconds:N0} ms, {factsBytes / 1048576.0:N0} MiB allocated",
            $"whole tickets loaded and counted: {wholeTime.TotalMilliseconds:N0} ms, {wholeBytes / 1048576.0:N0} MiB allocated",
            wholeTime / factsTime,
            "–",
            "`stats` with no period (every ticket): the statistics' nine fields read where the tickets are, against whole tickets (texts, messages, " +
            "history); the ratio is how many times faster; the same figures from both, checked; best of three runs each, in the bench process");
    }

    private static async Task<(TicketStatistics Stats, TimeSpan Time, long Bytes)> BestOfThreeAsync(Func<Task<TicketStatistics>> compute)
    {
        TicketStatistics? stats = null;
        var (best, fewest) = (TimeSpan.MaxValue, long.MaxValue);
        for (var run = 0; run < 3; run++)
        {
            GC.Collect();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            stats = await compute();
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, Stopwatch.GetElapsedTime(started).Ticks));
            fewest = Math.Min(fewest, GC.GetTotalAllocatedBytes(precise: true) - allocated);
        }

        return (stats!, best, fewest);
    }
}
