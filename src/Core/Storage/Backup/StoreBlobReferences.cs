using ContactCenter.Core.Storage.Archive;
using LiteDB;

namespace ContactCenter.Core.Storage.Backup;

/// <summary>
/// The archived blobs a LiteDB store file refers to (tickets' originals and attachments, quarantined and held-spam
/// originals), read from a copy opened read-only: what a backup's archive must hold for the copy to be restorable.
/// </summary>
public static class StoreBlobReferences
{
    private static readonly string[] Collections = ["tickets", "quarantine", "spam"];

    public static Sha256Set Read(string databasePath)
    {
        var hashes = new Sha256Set();
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        foreach (var name in Collections.Where(db.CollectionExists))
        {
            foreach (var document in db.GetCollection(name).FindAll())
            {
                Collect(document, hashes);
            }
        }

        return hashes;
    }

    /// <summary>
    /// Every attachment shape in the document, however deep: a non-empty string field named Sha256, except that of an
    /// attachment read from its original (whose slice names the original, the file it needs).
    /// </summary>
    private static void Collect(BsonValue value, Sha256Set hashes)
    {
        if (value.IsDocument)
        {
            var inOriginal = value.AsDocument.TryGetValue(nameof(Tickets.TicketAttachment.InOriginal), out var slice) && slice.IsDocument;
            foreach (var (key, field) in value.AsDocument)
            {
                if (key == nameof(Tickets.TicketAttachment.Sha256) && field.IsString && field.AsString.Length > 0 && !inOriginal)
                {
                    hashes.Add(field.AsString);
                }
                else
                {
                    Collect(field, hashes);
                }
            }
        }
        else if (value.IsArray)
        {
            foreach (var item in value.AsArray)
            {
                Collect(item, hashes);
            }
        }
    }
}
