using Npgsql;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// Compares each LiteDB row with the target's row of the same key, column by column (documents as jsonb, so key order
/// and spacing do not count), in batches of queries of one round trip each; then names a few target rows whose key no
/// LiteDB row has. Counting alone is not enough: a row skipped by the insert because another one held its key leaves
/// the counts equal.
/// </summary>
internal static class TargetComparer
{
    private const int Batch = 500;

    public static async Task<TableComparison> CompareAsync(NpgsqlDataSource target, CopiedTable table, CancellationToken cancellationToken)
    {
        await using var db = await target.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var targetRows = (long)(await Sql.ScalarAsync(db, $"SELECT count(*) FROM {table.Name}", cancellationToken).ConfigureAwait(false))!;
        long source = 0, same = 0, missingCount = 0, differentCount = 0;
        List<string> missing = [], different = [];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in table.Rows().Chunk(Batch))
        {
            source += chunk.Length;
            if (targetRows == 0)
            {
                // An empty table (a first copy) has every row missing: no need to ask for each.
                missingCount += chunk.Length;
                missing.AddRange(chunk.Take(TableComparison.Shown - missing.Count).Select(r => $"{table.KeyOf(r)} (missing)"));
                continue;
            }

            var columns = new bool[]?[chunk.Length];
            var reads = chunk.Select((row, i) => (Sql.BatchCommand(table.CompareSql, table.Parameters(row)), (Action<NpgsqlDataReader>)(reader =>
                columns[i] = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetBoolean)]))).ToList();
            await Sql.ReadBatchAsync(db, reads, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var key = table.KeyOf(chunk[i]);
                keys.Add(key);
                if (columns[i] is not { } equal)
                {
                    missingCount++;
                    Note(missing, $"{key} (missing)");
                }
                else if (equal.All(e => e))
                {
                    same++;
                }
                else
                {
                    differentCount++;
                    var names = equal.Select((e, c) => e ? null : table.ColumnName(c)).OfType<string>().ToList();
                    Note(different, $"{key} ({string.Join(", ", names)} {(names.Count == 1 ? "differs" : "differ")})");
                }
            }
        }

        var extra = targetRows - same - differentCount > 0 ? await ExtraAsync(db, table, keys, cancellationToken).ConfigureAwait(false) : [];
        return new TableComparison(table.Name, source, targetRows, same, missing, missingCount, different, differentCount, extra);
    }

    /// <summary>The first few target keys that no LiteDB row has.</summary>
    private static async Task<List<string>> ExtraAsync(NpgsqlConnection db, CopiedTable table, HashSet<string> keys, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(db, table.KeySql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var extra = new List<string>();
        while (extra.Count < TableComparison.Shown && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var key = table.KeyOf(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue));
            if (!keys.Contains(key))
            {
                extra.Add($"{key} (not in LiteDB)");
            }
        }

        return extra;
    }

    private static void Note(List<string> samples, string sample)
    {
        if (samples.Count < TableComparison.Shown)
        {
            samples.Add(sample);
        }
    }
}
