using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Inside a write transaction: the blobs it refers to that were committed asynchronously are still there.</summary>
internal static class ArchivedBlobsCheck
{
    public const string Query = "SELECT sha256 FROM blobs WHERE sha256 = ANY(@h)";

    /// <summary>The blobs of a dispatch batch (originals and attachments) that are still pending.</summary>
    public static string[] Wanted(PendingBlobs pending, IReadOnlyList<DispatchRequest> batch) =>
        Wanted(pending, batch.SelectMany(r => r.Draft.Attachments.Append(r.Draft.Original)));

    /// <returns>The pending hashes the transaction made durable once it commits.</returns>
    public static async Task<IReadOnlyList<string>> RequireAsync(NpgsqlConnection db, PendingBlobs pending, IEnumerable<TicketAttachment?> blobs,
        CancellationToken cancellationToken)
    {
        var hashes = Wanted(pending, blobs);
        if (hashes.Length == 0)
        {
            return [];
        }

        var present = await Sql.ListAsync(db, Query, r => r.GetString(0), cancellationToken, ("h", hashes)).ConfigureAwait(false);
        return Require(pending, hashes, present);
    }

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

    private static string[] Wanted(PendingBlobs pending, IEnumerable<TicketAttachment?> blobs) =>
        blobs.Select(a => a?.Sha256).OfType<string>().Where(pending.Contains).Distinct(StringComparer.Ordinal).ToArray();
}
