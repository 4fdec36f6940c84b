using Npgsql;

namespace ContactCenter.Bench.PostgreSql;

/// <summary>
/// Gives a new cluster the WAL segments a running server has: a fresh one zero-fills a new 16 MB segment every 16 MB
/// of WAL (half the server's CPU while archiving the mailbox's PDFs), where a server in service renames old segments
/// after each checkpoint and reuses them. Writes about 260 MB of WAL in a scratch table, drops it and checkpoints.
/// </summary>
internal static class WarmWal
{
    public static async Task RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            CREATE TABLE bench_wal_warmup (b text);
            ALTER TABLE bench_wal_warmup ALTER COLUMN b SET STORAGE EXTERNAL;
            INSERT INTO bench_wal_warmup SELECT repeat(md5(i::text), 1000) FROM generate_series(1, 8000) i;
            DROP TABLE bench_wal_warmup;
            CHECKPOINT;
            CHECKPOINT;
            """, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
