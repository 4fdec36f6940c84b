using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql;
using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Workers.Tests.Cli;
using ContactCenter.Workers.Tests.TestSupport;
using Npgsql;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// <c>store copy</c> into a target that is not empty: rows from an earlier run of the same copy are fine, anything else
/// (the service ran on it, a row changed since) must stop the copy with the rows named, never end in "Copy verified".
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoreCopyTargetTests(PostgresFixture postgres) : IDisposable
{
    private readonly TempDirectory folder = new("cc-copy-target");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Copy_TargetAlreadyHoldsOtherTickets_RefusesAndSaysWhy()
    {
        var data = folder.Combine("data");
        await KnownStore.BuildAsync(data);
        var database = await postgres.Server.CreateDatabaseAsync();
        // The service ran once on PostgreSQL before the copy: its counter started at 1, so it took the LiteDB numbers.
        using (var used = PostgreSqlTicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("pg") }, new PostgreSqlStoreOptions { ConnectionString = database }))
        {
            (await used.DispatchAsync([Request("svc-1"), Request("svc-2")], default)).Select(o => o.TicketNumber).Should().Equal("PC-2026-000001", "PC-2026-000002");
        }

        var copy = await CopyAsync(data, database);

        copy.ExitCode.Should().NotBe(0, copy.Output + copy.Error);
        copy.Output.Should().NotContain("Copy verified");
        copy.Output.Should().Contain("tickets: 2 rows in PostgreSQL are not in the LiteDB store").And.Contain("PC-2026-000001 (source_key")
            .And.Contain("Copy into an empty database");
        await using var dataSource = NpgsqlDataSource.Create(database);
        (await dataSource.CreateCommand("SELECT string_agg(source_key, ',' ORDER BY number) FROM tickets").ExecuteScalarAsync())
            .Should().Be("test:svc-1,test:svc-2", "nothing is copied into a database that holds other tickets");
    }

    [Fact]
    public async Task Copy_InterruptedThenRunAgain_GoesOnAndIsVerified()
    {
        var (data, _, database) = await CopiedAsync(more: 1100);
        // Killed after the first chunk of tickets: none of the later tables were reached.
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await dataSource.CreateCommand("DELETE FROM tickets WHERE sequence > 500; DELETE FROM sources; DELETE FROM message_ids; DELETE FROM counters; DELETE FROM outbox")
                .ExecuteNonQueryAsync();
        }

        var again = await CopyAsync(data, database);

        again.ExitCode.Should().Be(0, again.Output + again.Error);
        again.Output.Should().Contain("Copy verified");
        await using var check = NpgsqlDataSource.Create(database);
        (await check.CreateCommand("SELECT count(*) FROM tickets").ExecuteScalarAsync()).Should().Be(1104L);
        (await check.CreateCommand("SELECT value FROM counters WHERE year = 2026").ExecuteScalarAsync()).Should().Be(1104);
    }

    [Fact]
    public async Task Copy_RunAgainOverTicketsAnEarlierVersionCopied_WithTheirFirstMessagesCopies_Verified()
    {
        var (data, numbers, database) = await CopiedAsync();
        await using var dataSource = NpgsqlDataSource.Create(database);
        // As a copy made before a ticket's first message's text and attachments were kept once wrote them.
        (await dataSource.CreateCommand("""
            UPDATE tickets SET doc = doc || jsonb_build_object('TextBody', doc #> '{Messages,0,TextBody}', 'Attachments', doc #> '{Messages,0,Attachments}')
            """).ExecuteNonQueryAsync()).Should().Be(numbers.Count);

        var again = await CopyAsync(data, database);
        await using (var tamper = dataSource.CreateCommand("UPDATE tickets SET doc = jsonb_set(doc, '{TextBody}', '\"altro\"') WHERE number = $1"))
        {
            tamper.Parameters.AddWithValue(numbers["B"]);
            (await tamper.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var tampered = await CopyAsync(data, database);

        again.ExitCode.Should().Be(0, again.Output + again.Error);
        again.Output.Should().Contain("Copy verified", "the earlier documents read as today's");
        tampered.ExitCode.Should().NotBe(0, tampered.Output + tampered.Error);
        tampered.Output.Should().Contain($"tickets: 1 row in PostgreSQL is not in the LiteDB store: {numbers["B"]} (doc differs)",
            "a text of the ticket's own that is not its first message's still differs");
    }

    [Fact]
    public async Task Copy_TargetRowChangedAfterCopy_NotVerifiedAndNamesTheRow()
    {
        var (data, numbers, database) = await CopiedAsync();
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await using var tamper = dataSource.CreateCommand("UPDATE tickets SET doc = doc || '{\"tampered\": true}'::jsonb WHERE number = $1");
            tamper.Parameters.AddWithValue(numbers["B"]);
            (await tamper.ExecuteNonQueryAsync()).Should().Be(1);
        }

        var again = await CopyAsync(data, database);

        again.ExitCode.Should().NotBe(0, again.Output + again.Error);
        again.Output.Should().NotContain("Copy verified");
        again.Output.Should().Contain($"{numbers["B"]} (doc differs)");
    }

    /// <summary>The known LiteDB store (with <paramref name="more"/> tickets besides) copied once into a new database.</summary>
    private async Task<(string Data, IReadOnlyDictionary<string, string> Numbers, string Database)> CopiedAsync(int more = 0)
    {
        var data = folder.Combine("data");
        var numbers = await KnownStore.BuildAsync(data);
        if (more > 0)
        {
            await KnownStore.AddManyAsync(data, more);
        }

        var database = await postgres.Server.CreateDatabaseAsync();
        var first = await CopyAsync(data, database);
        first.ExitCode.Should().Be(0, first.Output + first.Error);
        return (data, numbers, database);
    }

    private Task<CliRun.Result> CopyAsync(string data, string database) =>
        CliRun.RunAsync(null, "store", "copy", "--config", Source(data), "--to-config", Target(database));

    private string Source(string data) => JsonConfigFile.Write(folder.Path, new { Store = new { DataDirectory = data } });

    private string Target(string database) => JsonConfigFile.Write(folder.Path, new
    {
        Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("pg"), PostgreSql = new { ConnectionString = database } },
    });

    private static DispatchRequest Request(string key)
    {
        var at = KnownStore.March2;
        return new()
        {
            Draft = new Core.Intake.TicketDraft { SourceKey = "test:" + key, ChannelName = "urp", Channel = Core.Tickets.ChannelKind.Email, ReceivedAt = at, Subject = "Richiesta " + key, TextBody = "Testo" },
            Classification = new Core.Tickets.Classification(),
            ClockStartedAt = at,
            DueAt = at.AddDays(2),
        };
    }
}
