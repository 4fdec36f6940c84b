using ContactCenter.Core.Storage;
using ContactCenter.Stores.PostgreSql.Schema;
using ContactCenter.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Tests.Schema;

/// <summary>
/// The operators' lookups read an index, not every ticket's document: an index is used only when the query's
/// expression is the index's own, character for character in meaning, which nothing else checks.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class QueryIndexTests(PostgresFixture postgres)
{
    [Theory]
    [InlineData($"{PostgreSqlTicketStore.SenderKeys} && ARRAY['a@b.it', 'A@B.IT', 'a@b.it']", "tickets_sender")]
    [InlineData("(doc->>'NeedsReview') = 'true' ORDER BY received_at, number", "tickets_review")]
    public async Task OperatorLookup_UsesItsIndex(string where, string index)
    {
        await using var dataSource = NpgsqlDataSource.Create(await postgres.Server.CreateDatabaseAsync());
        await SchemaMigrator.MigrateAsync(dataSource, NullLogger.Instance, default);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN SELECT id FROM tickets WHERE {where}", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        string.Join('\n', plan).Should().Contain(index, "with sequential scans discouraged the planner takes any index that fits");
    }
}
