namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// A LiteDB collection against its PostgreSQL table, row by row: how many LiteDB rows the target holds the same, which
/// are missing or different, and which target rows have a key no LiteDB row has (the first few of each, for the message).
/// </summary>
internal sealed record TableComparison(string Table, long Source, long Target, long Same, IReadOnlyList<string> Missing, long MissingCount,
    IReadOnlyList<string> Different, long DifferentCount, IReadOnlyList<string> Extra)
{
    /// <summary>How many of each kind a message names; the rest are counted.</summary>
    public const int Shown = 3;

    /// <summary>Target rows whose key is not in LiteDB (keys are unique on both sides, so the rest is the count).</summary>
    public long ExtraCount => Math.Max(0, Target - Same - DifferentCount);

    /// <summary>Rows no run of this copy wrote: a different row under a LiteDB key, or a key LiteDB does not have.</summary>
    public long Foreign => DifferentCount + ExtraCount;

    public IEnumerable<string> RefusalLines()
    {
        if (Foreign > 0)
        {
            yield return $"{Table}: {Rows(Foreign)} in PostgreSQL {(Foreign == 1 ? "is" : "are")} not in the LiteDB store: {List([.. Different, .. Extra], Foreign)}";
        }
    }

    public IEnumerable<string> VerificationLines()
    {
        if (MissingCount + DifferentCount > 0)
        {
            yield return $"{Table}: {MissingCount + DifferentCount} of {Source} LiteDB rows missing or different in PostgreSQL: "
                + List([.. Different, .. Missing], MissingCount + DifferentCount);
        }

        if (ExtraCount > 0)
        {
            yield return $"{Table}: {Rows(ExtraCount)} in PostgreSQL {(ExtraCount == 1 ? "is" : "are")} not in the LiteDB store: {List(Extra, ExtraCount)}";
        }
    }

    private static string Rows(long n) => n == 1 ? "1 row" : $"{n} rows";

    private static string List(IReadOnlyList<string> samples, long total)
    {
        var shown = samples.Take(Shown).ToList();
        return string.Join(", ", shown) + (total > shown.Count ? $" and {total - shown.Count} more" : "");
    }
}
