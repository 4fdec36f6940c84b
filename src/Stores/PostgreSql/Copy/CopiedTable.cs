namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// One PostgreSQL table the copy fills from a LiteDB collection: its columns (the key first), each LiteDB row as the
/// values of those columns, and the SQL that inserts a row or compares the target's row of the same key with it. The
/// insert and the comparison take the same values, so what is checked is exactly what was written.
/// </summary>
/// <param name="compared">For a column whose stored form may differ from what the copy writes today though it means the
/// same (a ticket's document written by an earlier copy), the SQL that reads the target's column in today's form.</param>
internal sealed class CopiedTable(string name, string[] columns, int keyLength, Func<IEnumerable<object?[]>> rows,
    IReadOnlyDictionary<string, string>? compared = null)
{
    public string Name => name;

    /// <summary>Read again from LiteDB at each pass (before, during and after the copy), never held in memory.</summary>
    public IEnumerable<object?[]> Rows() => rows();

    /// <summary>A skipped insert (a row of this key, or another unique key, already there) is caught by the comparison.</summary>
    public string InsertSql { get; } =
        $"INSERT INTO {name} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) ON CONFLICT DO NOTHING";

    /// <summary>No row: the key is missing; else one boolean per column, true where the target holds the same value.</summary>
    public string CompareSql { get; } =
        $"SELECT {string.Join(", ", columns.Select((c, i) => $"{compared?.GetValueOrDefault(c) ?? c} IS NOT DISTINCT FROM @p{i}"))} FROM {name} WHERE " +
        string.Join(" AND ", columns[..keyLength].Select((c, i) => $"{c} = @p{i}"));

    public string KeySql { get; } = $"SELECT {string.Join(", ", columns[..keyLength])} FROM {name}";

    public string ColumnName(int index) => columns[index];

    public (string Name, object? Value)[] Parameters(object?[] row) => [.. row.Select((value, i) => ($"p{i}", value))];

    /// <summary>The key as the admin reads it in a message (a ticket number, a quarantine id, a Message-ID with its mailbox).</summary>
    public string KeyOf(IEnumerable<object?> values) =>
        string.Join(" ", values.Take(keyLength).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
