namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>What <c>store copy</c> found on each side, table by table, and whether every original read back with its hash.</summary>
public sealed record StoreCopyReport(IReadOnlyList<StoreCopyCount> Counts, int BlobsVerified, IReadOnlyList<string> Problems)
{
    public bool Verified => Problems.Count == 0;
}
