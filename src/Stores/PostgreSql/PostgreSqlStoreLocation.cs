using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Where the tickets are on PostgreSQL, for <c>status</c>: the server and database (never the password), and their size.</summary>
public sealed class PostgreSqlStoreLocation(NpgsqlDataSource dataSource)
{
    /// <summary>For example <c>PostgreSQL db1.pc.example.it:5432/contactcenter</c>.</summary>
    public string Description { get; } = Describe(dataSource.ConnectionString);

    /// <summary>The database's size on the server's disk: tables, indexes, TOAST and originals in the database.</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_database_size(current_database())");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
