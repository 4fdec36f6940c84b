using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cli;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cluster;

[Collection(ClusterCollection.Name)]
public sealed class StoreCopyTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-copy");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task StoreCopy_LiteDbIntoPostgreSql_SameTicketsAndOriginals_RunTwiceIsHarmless()
    {
        var data = folder.Combine("data");
        var numbers = await KnownStore.BuildAsync(data);
        var quarantined = await KnownStore.QuarantineAsync(data, "urp", "From: x@example.it\r\n\r\nrotto"u8.ToArray(), "rotto.eml", "Messaggio illeggibile");
        var source = JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });
        var database = await postgres.Server.CreateDatabaseAsync();
        var target = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), PostgreSql = new { ConnectionString = database } },
        });

        var first = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);
        var again = await CliRun.RunAsync(null, "store", "copy", "--config", source, "--to-config", target);

        first.ExitCode.Should().Be(0, first.Output + first.Error);
        first.Output.Should().Contain("Copy verified").And.Contain("Originals read back and re-hashed: 1");
        again.ExitCode.Should().Be(0, again.Output + again.Error);
        var copied = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("pg") }, new PostgreSqlStoreOptions { ConnectionString = database });
        using (copied)
        {
            (await copied.QueryAsync(new TicketQuery(), default)).Select(t => t.Number).Should().BeEquivalentTo(numbers.Values);
            (await copied.GetAsync(numbers["A"], default))!.Status.Should().Be(Core.Tickets.TicketStatus.Closed);
            (await copied.GetQuarantineAsync(quarantined, default))!.Reason.Should().Be("Messaggio illeggibile");
            var at = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
            var next = await copied.DispatchAsync([new DispatchRequest
            {
                Draft = new Core.Intake.TicketDraft { SourceKey = "after-copy", ChannelName = "urp", Channel = Core.Tickets.ChannelKind.Email, ReceivedAt = at, Subject = "Dopo la copia", TextBody = "Testo" },
                Classification = new Core.Tickets.Classification(),
                ClockStartedAt = at,
                DueAt = at.AddDays(2),
            }], default);
            next.Single().TicketNumber.Should().Be("PC-2026-000005", "numbering goes on after the copied tickets");
        }
    }
}
