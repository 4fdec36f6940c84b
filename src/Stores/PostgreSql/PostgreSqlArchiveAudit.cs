using System.Collections.Concurrent;
using ContactCenter.Core.Storage.Archive;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// <see cref="ArchiveAudit"/> for originals in the <c>blobs</c> table, done where they are: the server hashes each blob
/// (<c>sha256(content)</c>) and sends back 64 characters, where reading them through the client would carry the whole
/// table over the network and spool every blob over 1 MiB to a temporary file first. Same findings, same words; files
/// in <c>checkedBefore</c> are not asked for again.
/// </summary>
public static class PostgreSqlArchiveAudit
{
    private const int BatchSize = 256;

    public static async Task<ArchiveAuditReport> RunAsync(NpgsqlDataSource dataSource, Sha256Set referenced, bool rehash,
        CancellationToken cancellationToken, CheckedArchiveFiles? checkedBefore = null)
    {
        checkedBefore ??= new CheckedArchiveFiles();
        var sql = rehash
            ? "SELECT sha256, size, encode(sha256(content), 'hex') FROM blobs WHERE sha256 = ANY(@h)"
            : "SELECT sha256, size, NULL::text FROM blobs WHERE sha256 = ANY(@h)";
        var problems = new ConcurrentBag<(string Sha, string Problem)>();
        int present = 0, verified = 0;
        long bytes = 0;
        // The server hashes one blob at a time per statement: two statements keep two of its cores busy.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken };
        var batches = referenced.Where(sha => !checkedBefore.Contains(sha)).Chunk(BatchSize); // distinct, lowercase and in order already
        await Parallel.ForEachAsync(batches, parallel, async (batch, token) =>
        {
            await using var db = await dataSource.OpenConnectionAsync(token).ConfigureAwait(false);
            var found = await Sql.ListAsync(db, sql, r => (Sha: r.GetString(0), Size: r.GetInt64(1), Actual: r.IsDBNull(2) ? null : r.GetString(2)),
                token, ("h", batch)).ConfigureAwait(false);
            Interlocked.Add(ref present, found.Count);
            foreach (var sha in batch.Except(found.Select(f => f.Sha), StringComparer.Ordinal))
            {
                problems.Add((sha, ArchiveAuditReport.Missing(sha)));
            }

            foreach (var (sha, size, actual) in found.Where(f => f.Actual is not null))
            {
                if (actual == sha)
                {
                    Interlocked.Increment(ref verified);
                    Interlocked.Add(ref bytes, size);
                }
                else
                {
                    problems.Add((sha, ArchiveAuditReport.Damaged(sha, actual!)));
                }
            }
        }).ConfigureAwait(false);
        return checkedBefore.Report(referenced.Count, present, verified, bytes, problems);
    }
}
