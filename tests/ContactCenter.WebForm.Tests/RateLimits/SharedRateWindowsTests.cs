using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.WebForm.RateLimits;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ContactCenter.WebForm.Tests.RateLimits;

public sealed class SharedRateWindowsTests
{
    [Fact]
    public async Task Refused_DatabaseUnreachable_NodesOwnLimitHolds_WarnedOncePerMinute()
    {
        // Nothing listens on this port: the count cannot be taken, as when the database is down.
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={FreePort.Next()};Username=cc;Password=x;Timeout=2");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var logger = new RecordingLogger();
        var windows = new SharedRateWindows(new PostgreSqlRateWindows(dataSource, time, NullLogger.Instance), time, logger);

        var first = await windows.RefusedAsync("tracking", "192.0.2.90", 1, TimeSpan.FromMinutes(10), default);
        var second = await windows.RefusedAsync("tracking", "192.0.2.90", 1, TimeSpan.FromMinutes(10), default);
        time.Advance(TimeSpan.FromMinutes(1));
        await windows.RefusedAsync("tracking", "192.0.2.90", 1, TimeSpan.FromMinutes(10), default);

        first.Should().BeNull("the cluster's count is missing, not exceeded: the node's own window decides");
        second.Should().BeNull();
        logger.Entries.Where(e => e.Id.Id == 2811).Should().HaveCount(2, "one warning a minute, not one a request")
            .And.AllSatisfy(e => e.Message.Should().Contain("tracking").And.Contain("each node's own limit holds"));
    }
}
