using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing.Dovecot;
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

    [Fact]
    public async Task Start_DatabaseGone_WarnsAndGoesOn()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePort.Next()};Username=cc;Database=cc;Timeout=3");

        var logged = await RunAsync(dataSource, TimeProvider.System);

        logged.Should().ContainSingle(e => e.EventId == 1666).Which.Message.Should().Contain("Failed to connect");
    }

    /// <param name="clock">Made once the database is there, so the fake clock starts from the real time of the check.</param>
    private async Task<IReadOnlyList<string>> CheckAsync(Func<TimeProvider> clock)
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        return [.. (await RunAsync(dataSource, clock())).Where(e => e.EventId == 1665).Select(e => e.Message)];
    }

    private static async Task<IReadOnlyList<(int EventId, LogLevel Level, string Message)>> RunAsync(NpgsqlDataSource dataSource, TimeProvider time)
    {
        using var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        await new ClusterClockCheck(new ClusterCheckIns(dataSource), time, loggers.CreateLogger<ClusterClockCheck>()).StartAsync(default);
        return [.. logs.Entries];
    }
}
