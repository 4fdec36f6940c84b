using System.Globalization;
using ContactCenter.Core.Storage.LiteDb;
using LiteDB;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>The LiteDB collections the copy carries over, each as the PostgreSQL table it fills, key column first.</summary>
internal static class CopiedTables
{
    public static IReadOnlyList<CopiedTable> Of(LiteDatabase db)
    {
        var c = new StoreCollections(db);
        return
        [
            new("tickets", ["number", "year", "sequence", "source_key", "status", "channel_name", "received_at", "due_at", "doc"], 1, () => LiteDbPages.Read(db, c.Tickets)
                .Select(t => new object?[] { t.Number, t.Year, t.Sequence, t.SourceKey, t.Status.ToString(), t.ChannelName, t.ReceivedAt, t.DueAt, StoreJson.Serialize(t) }),
                new Dictionary<string, string> { ["doc"] = TicketFirstMessageJson.StoredOnceSql("doc") }),
            new("sources", ["key", "outcome", "ticket_number", "at"], 1, () => LiteDbPages.Read(db, c.Sources)
                .Select(s => new object?[] { s.Key, s.Outcome.ToString(), s.TicketNumber, s.At })),
            new("message_ids", ["channel", "message_id", "n", "ticket_number", "fingerprint", "source_key"], 3, () => LiteDbPages.Read(db, c.MessageIds)
                .Select(m => new object?[] { MessageIdKey.ChannelOf(m), m.MessageId, MessageIdKey.NumberOf(m), m.TicketNumber, m.Fingerprint, m.SourceKey })),
            // Copied as it is, not raised to the greater of both sides: a target counter of its own is refused, not hidden.
            new("counters", ["year", "value"], 1, () => LiteDbPages.Read(db, c.Counters)
                .Select(r => new object?[] { int.Parse(r.Key, CultureInfo.InvariantCulture), r.Value })),
            new("outbox", ["id", "ticket_number", "to_lower", "created_at", "next_attempt_at", "sent_at", "doc"], 1, () => LiteDbPages.Read(db, c.Outbox)
                .Select(o => new object?[] { (long)o.Id, o.TicketNumber, o.To.Trim().ToLowerInvariant(), o.CreatedAt, o.NextAttemptAt, o.SentAt, StoreJson.Serialize(o) })),
            new("quarantine", ["id", "source_key", "status", "doc"], 1, () => LiteDbPages.Read(db, c.Quarantine)
                .Select(q => new object?[] { (long)q.Id, q.SourceKey, q.Status.ToString(), StoreJson.Serialize(q) })),
            new("auto_mail", ["id", "at", "source_key", "doc"], 1, () => LiteDbPages.Read(db, c.AutoMail)
                .Select(a => new object?[] { (long)a.Id, a.At, a.SourceKey, StoreJson.Serialize(a) })),
            new("settings", ["key", "value", "actor", "at"], 1, () => LiteDbPages.Read(db, c.Settings)
                .Select(s => new object?[] { s.Key, s.Value, s.Actor, s.At })),
            new("webhooks", ["id", "webhook", "created_at", "next_attempt_at", "delivered_at", "abandoned_at", "doc"], 1, () => LiteDbPages.Read(db, c.Webhooks)
                .Select(w => new object?[] { (long)w.Id, w.Webhook, w.CreatedAt, w.NextAttemptAt, w.DeliveredAt, w.AbandonedAt, StoreJson.Serialize(w) })),
            new("spam", ["id", "source_key", "status", "at", "doc"], 1, () => LiteDbPages.Read(db, c.Spam)
                .Select(r => new object?[] { (long)r.Id, r.SourceKey, r.Status.ToString(), r.At, StoreJson.Serialize(r) })),
        ];
    }
}
