using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>The node's clock against the real database server's: here they agree; a clock set a minute off is named.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterClockCheckTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData(60, "ahead of")]
    [InlineData(-60, "behind")]
    public async Task Start_ClockAMinuteOff_WarnsNamingTheGap(int seconds, string direction)
    {
        var warnings = await CheckAsync(() => new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(seconds)));

        // The fake clock stands still during the check's round trip: a minute, give or take that.
        warnings.Should().ContainSingle().Which.Should().MatchRegex($@"^This machine's clock is (5[89]|6[01])(\.\d)? s {direction} the database server's");
    }

    [Fact]
    public async Task Start_ClocksAgree_SaysNothing()
    {
        (await CheckAsync(() => TimeProvider.System)).Should().BeEmpty();
    }

    /// <param name="clock">Made once the database is there, so the fake clock starts from the real time of the check.</param>
    private async Task<IReadOnlyList<string>> CheckAsync(Func<TimeProvider> clock)
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        var time = clock();
        using var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await new ClusterClockCheck(new ClusterCheckIns(dataSource), time, loggers.CreateLogger<ClusterClockCheck>()).StartAsync(default);
        return [.. logs.Entries.Where(e => e.EventId == 1665).Select(e => e.Message)];
    }
}
