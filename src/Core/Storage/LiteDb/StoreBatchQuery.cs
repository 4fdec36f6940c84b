using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// One query for a whole batch's keys instead of one per key: LiteDB seeks the index once per value either way, but
/// each query also pays for a transaction snapshot, a plan and the parse of its expression text, which cost more
/// than the seek (a <c>FindById</c> per source key was a quarter of a batch's dispatch CPU).
/// </summary>
internal static class StoreBatchQuery
{
    public static BsonExpression In(string field, IEnumerable<string> values) =>
        BsonExpression.Create($"$.{field} IN @0", new BsonArray(values.Distinct(StringComparer.Ordinal).Select(v => new BsonValue(v))));

    /// <summary>The <c>sources</c> rows of these keys, by key; keys never seen are absent.</summary>
    public static Dictionary<string, SourceRecord> Sources(StoreCollections collections, IEnumerable<string> keys)
    {
        var wanted = keys.ToList();
        return wanted.Count == 0
            ? new Dictionary<string, SourceRecord>(StringComparer.Ordinal)
            : collections.Sources.Find(In("_id", wanted)).ToDictionary(s => s.Key, StringComparer.Ordinal);
    }
}
