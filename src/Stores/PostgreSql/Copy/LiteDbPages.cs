using LiteDB;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// A LiteDB collection read a page at a time in <c>_id</c> order, each page read whole before it is handed out. The copy
/// awaits PostgreSQL between rows, and a LiteDB cursor left open across an await resumes on another thread and throws
/// LockRecursionException (its read lock belongs to the thread that opened it): a store of more than one chunk of
/// tickets could not be copied at all.
/// </summary>
internal static class LiteDbPages
{
    private const int Size = 500;

    public static IEnumerable<T> Read<T>(LiteDatabase db, ILiteCollection<T> collection)
    {
        var documents = db.GetCollection(collection.Name);
        var last = BsonValue.MinValue;
        while (true)
        {
            var page = documents.Query().Where(Query.GT("_id", last)).OrderBy("_id").Limit(Size).ToList();
            foreach (var document in page)
            {
                yield return db.Mapper.ToObject<T>(document);
            }

            if (page.Count < Size)
            {
                yield break;
            }

            last = page[^1]["_id"];
        }
    }
}
