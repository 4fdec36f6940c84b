using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>Inside a write transaction: the blobs it refers to that were committed asynchronously are still there.</summary>
internal static class ArchivedBlobsCheck
{
    /// <returns>The pending hashes the batch made durable once it commits.</returns>
    public static Task<IReadOnlyList<string>> RequireAsync(NpgsqlConnection db, PendingBlobs pending, IReadOnlyList<DispatchRequest> batch,
        CancellationToken cancellationToken) =>
        RequireAsync(db, pending, batch.SelectMany(r => r.Draft.Attachments.Append(r.Draft.Original)), cancellationToken);

    public static async Task<IReadOnlyList<string>> RequireAsync(NpgsqlConnection db, PendingBlobs pending, IEnumerable<TicketAttachment?> blobs,
        CancellationToken cancellationToken)
    {
        var hashes = blobs.Select(a => a?.Sha256).OfType<string>().Where(pending.Contains).Distinct(StringComparer.Ordinal).ToArray();
        if (hashes.Length == 0)
        {
            return [];
        }

        var present = await Sql.ListAsync(db, "SELECT sha256 FROM blobs WHERE sha256 = ANY(@h)", r => r.GetString(0), cancellationToken, ("h", hashes))
            .ConfigureAwait(false);
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
