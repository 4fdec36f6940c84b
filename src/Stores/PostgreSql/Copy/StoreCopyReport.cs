namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// What <c>store copy</c> found on each side, table by table, and whether every row and original read back the same.
/// <see cref="Refused"/>: the target held rows that are not from this store, so nothing was copied.
/// </summary>
public sealed record StoreCopyReport(IReadOnlyList<StoreCopyCount> Counts, int BlobsVerified, IReadOnlyList<string> Problems, bool Refused = false)
{
    public bool Verified => !Refused && Problems.Count == 0;

    public static StoreCopyReport Refuse(IReadOnlyList<StoreCopyCount> counts, IReadOnlyList<string> problems) => new(counts, 0, problems, Refused: true);
}
