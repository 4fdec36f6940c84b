namespace ContactCenter.Stores.PostgreSql;

/// <summary>Inside a write transaction: the blobs it refers to that were written through with an asynchronous commit are still there.</summary>
internal static class ArchivedBlobsCheck
{
    public const string Query = "SELECT sha256 FROM blobs WHERE sha256 = ANY(@h)";

    /// <summary>Throws when a pending blob of <paramref name="hashes"/> is not among those <paramref name="present"/>.</summary>
    public static IReadOnlyList<string> Require(PendingBlobs pending, string[] hashes, IEnumerable<string> present)
    {
        var missing = hashes.Except(present, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            pending.Remove(missing);
            throw new InvalidOperationException(
                $"{missing.Count} archived original(s) are no longer in the database (the server restarted before this batch committed: {string.Join(", ", missing.Take(3))}); "
                + "nothing of the batch is stored or acknowledged, its items are read again at the next poll.");
        }

        return hashes;
    }
}
