using System.Threading.RateLimiting;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.WebForm.RateLimits;
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
        var shared = new SharedRateWindows(new PostgreSqlRateWindows(dataSource, TimeProvider.System, NullLogger.Instance), TimeProvider.System, NullLogger.Instance);
        using var limiter = PartitionedRateLimiter.Create<string, string>(client =>
            RateLimitPartition.Get(client, key => new ClusterWindowLimiter(shared, "tracking", key, 2, TimeSpan.FromSeconds(2))));

        async Task<bool> AcquireAsync()
        {
            using var attempt = limiter.AttemptAcquire("192.0.2.95");
            attempt.IsAcquired.Should().BeFalse("the synchronous attempt defers to the counted one");
            using var lease = await limiter.AcquireAsync("192.0.2.95");
            return lease.IsAcquired;
        }

        var first = new[] { await AcquireAsync(), await AcquireAsync(), await AcquireAsync() };
        await Task.Delay(TimeSpan.FromSeconds(4.2));
        var later = await AcquireAsync();

        first.Should().Equal([true, true, false], "two permits a window");
        later.Should().BeTrue("the node's window was replenished and the cluster's is a new one");
    }
}
