using System.Threading.RateLimiting;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.WebForm.RateLimits;
using ContactCenter.WebForm.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.WebForm.Tests.RateLimits;

/// <summary>The cluster's window inside ASP.NET Core's partitioned limiter, counted in a real database.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class ClusterWindowLimiterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Acquire_PastTheLimit_Refused_ThenAllowedAgainInTheNextWindow_ReplenishedByThePartitionedLimiter()
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var counter = new PostgreSqlRateWindows(dataSource, TimeProvider.System, NullLogger.Instance);
        var shared = new SharedRateWindows(counter, TimeProvider.System, NullLogger.Instance);
        var window = TimeSpan.FromSeconds(3);
        using var limiter = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.Get(client, key => new ClusterWindowLimiter(shared, "tracking", key, 2, window)));

        async Task<bool> AcquireAsync()
        {
            using var attempt = limiter.AttemptAcquire("192.0.2.95");
            attempt.IsAcquired.Should().BeFalse("the synchronous attempt defers to the counted one");
            using var lease = await limiter.AcquireAsync("192.0.2.95");
            return lease.IsAcquired;
        }

        // The cluster's windows are aligned on the clock and the node's starts with its first request: the table is
        // made and the pool opened beforehand, and the three requests are sent just after a boundary, so a slow first
        // request on a loaded machine cannot spread them over two windows.
        await counter.HitAsync("warm-up", "192.0.2.1", DateTimeOffset.UnixEpoch, CancellationToken.None);
        var boundary = await ClockWindows.WithRoomAsync(window, window);
        var first = new[] { await AcquireAsync(), await AcquireAsync(), await AcquireAsync() };
        await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (boundary + window + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow).Ticks)));
        var later = await AcquireAsync();

        first.Should().Equal([true, true, false], "two permits a window");
        later.Should().BeTrue("the node's window was replenished and the cluster's is a new one");
    }
}
