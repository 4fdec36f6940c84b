using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;
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
        foreach (var document in Documents(databasePath))
        {
            Collect(document, hashes, null);
        }

        return hashes;
    }

    /// <summary>
    /// Each attachment read from a slice of its original, for <c>store verify</c> to decode, as the documents are read:
    /// a store names millions of them, so they pass through a short queue instead of a list. LiteDB's read runs on a
    /// thread of its own (its transactions belong to a thread), the caller's consumers on theirs.
    /// </summary>
    public static async IAsyncEnumerable<TicketAttachment> ReadSlicesAsync(string databasePath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<TicketAttachment>(new BoundedChannelOptions(256) { SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Started whatever the token says: only Produce completes the queue, which the loop below waits on.
        var reader = Task.Factory.StartNew(() => Produce(databasePath, queue.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await foreach (var attachment in queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return attachment;
            }
        }
        finally
        {
            // A consumer that stops early (a failure, a cancellation) must not leave the reader waiting for room.
            await stop.CancelAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Never throws: a failure (or the stop) completes the queue with it, so the reading side sees it.</summary>
    private static void Produce(string databasePath, ChannelWriter<TicketAttachment> writer, CancellationToken cancellationToken)
    {
        try
        {
            var slices = new List<TicketAttachment>();
            foreach (var document in Documents(databasePath))
            {
                slices.Clear();
                Collect(document, null, slices);
                // A ticket stored before its first message's list was kept once lists an attachment twice (its own list and its
                // message's): each record once, as PostgreSQL's DISTINCT does, and an original's slices together, so the audit
                // reads it once for them all.
                foreach (var slice in slices.DistinctBy(a => (a.Sha256, a.InOriginal!.Sha256, a.InOriginal.Start, a.InOriginal.End, a.InOriginal.Encoding))
                    .OrderBy(a => a.InOriginal!.Sha256, StringComparer.Ordinal))
                {
                    while (!writer.TryWrite(slice))
                    {
                        if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
                        {
                            return;
                        }
                    }
                }
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    private static IEnumerable<BsonDocument> Documents(string databasePath)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = databasePath, Connection = ConnectionType.Direct, ReadOnly = true });
        foreach (var name in Collections.Where(db.CollectionExists))
        {
            foreach (var document in db.GetCollection(name).FindAll())
            {
                yield return document;
            }
        }
    }

    /// <summary>
    /// Every attachment shape in the document, however deep: a non-empty string field named Sha256, except that of an
    /// attachment read from its original (whose slice names the original, the file it needs).
    /// </summary>
    private static void Collect(BsonValue value, Sha256Set? hashes, List<TicketAttachment>? slices)
    {
        if (value.IsDocument)
        {
            var inOriginal = value.AsDocument.TryGetValue(nameof(TicketAttachment.InOriginal), out var slice) && slice.IsDocument;
            foreach (var (key, field) in value.AsDocument)
            {
                if (key == nameof(TicketAttachment.Sha256) && field.IsString && field.AsString.Length > 0 && !inOriginal)
                {
                    hashes?.Add(field.AsString);
                }
                else
                {
                    Collect(field, hashes, slices);
                }
            }

            if (inOriginal && slices is not null && value[nameof(TicketAttachment.Sha256)] is { IsString: true } sha)
            {
                slices.Add(new TicketAttachment { Sha256 = sha.AsString, InOriginal = SliceOf(slice.AsDocument) });
            }
        }
        else if (value.IsArray)
        {
            foreach (var item in value.AsArray)
            {
                Collect(item, hashes, slices);
            }
        }
    }

    private static OriginalSlice SliceOf(BsonDocument slice) => new()
    {
        Sha256 = slice[nameof(OriginalSlice.Sha256)].IsString ? slice[nameof(OriginalSlice.Sha256)].AsString : "",
        Start = Number(slice[nameof(OriginalSlice.Start)]),
        End = Number(slice[nameof(OriginalSlice.End)]),
        Encoding = slice[nameof(OriginalSlice.Encoding)].IsString ? slice[nameof(OriginalSlice.Encoding)].AsString : "",
    };

    // A record that is not a number reads as -1: the audit reports the slice as unreadable instead of failing here.
    private static long Number(BsonValue value) => value.IsNumber ? Convert.ToInt64(value.RawValue, CultureInfo.InvariantCulture) : -1;
}
