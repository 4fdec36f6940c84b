using ContactCenter.Stores.PostgreSql.Tests.Contract;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>The cluster's rate windows, with two nodes (data sources) on one database, as the least-privilege node role.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgreSqlRateWindowsTests(PostgresFixture postgres)
{
    private static readonly DateTimeOffset Window = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Hit_TwoNodesAtOnce_EveryHitCountedOnce_PerPolicyClientAndWindow()
    {
        var database = await StoreUnderTest.AsNodeAsync(postgres.Server);
        await using var nodeA = NpgsqlDataSource.Create(database);
        await using var nodeB = NpgsqlDataSource.Create(database);
        var time = new FakeTimeProvider(Window);
        var nodes = new[] { new PostgreSqlRateWindows(nodeA, time, NullLogger.Instance), new PostgreSqlRateWindows(nodeB, time, NullLogger.Instance) };

        var hits = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => nodes[i % 2].HitAsync("tracking", "192.0.2.1", Window, default))));

        hits.Order().Should().Equal(Enumerable.Range(1, 20), "each hit sees the count with itself, across both nodes");
        (await nodes[0].HitAsync("submit", "192.0.2.1", Window, default)).Should().Be(1, "another policy");
        (await nodes[1].HitAsync("tracking", "192.0.2.2", Window, default)).Should().Be(1, "another client");
        (await nodes[0].HitAsync("tracking", "192.0.2.1", Window.AddMinutes(10), default)).Should().Be(1, "the next window");
    }

    [Fact]
    public async Task Hit_AnHourLater_WindowsOlderThanADayDeleted()
    {
        await using var dataSource = NpgsqlDataSource.Create(await StoreUnderTest.AsNodeAsync(postgres.Server));
        var time = new FakeTimeProvider(Window);
        var windows = new PostgreSqlRateWindows(dataSource, time, NullLogger.Instance);
        await windows.HitAsync("tracking", "192.0.2.1", Window.AddDays(-2), default);
        await windows.HitAsync("tracking", "192.0.2.1", Window.AddDays(-1).AddMinutes(30), default);

        time.Advance(TimeSpan.FromMinutes(59));
        await windows.HitAsync("tracking", "192.0.2.9", Window, default);
        var beforeAnHour = await CountAsync(dataSource);
        time.Advance(TimeSpan.FromMinutes(2));
        await windows.HitAsync("tracking", "192.0.2.9", Window, default);

        beforeAnHour.Should().Be(2, "the first hit pruned the two-day-old window; the one that grew a day old since waits for the next prune, an hour later");
        (await CountAsync(dataSource)).Should().Be(1, "only the current window stays");
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM rate_windows");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
