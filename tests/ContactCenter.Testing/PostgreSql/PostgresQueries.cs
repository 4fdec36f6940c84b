using Npgsql;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>One statement run straight on a test database, for arranging and checking what the code under test wrote.</summary>
public static class PostgresQueries
{
    /// <summary>The first column of the first row, null for no row or SQL NULL.</summary>
    public static async Task<object?> ScalarAsync(this NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
