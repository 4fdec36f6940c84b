using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>The store's collections and their indexes.</summary>
internal sealed class StoreCollections
{
    public StoreCollections(LiteDatabase db)
    {
        Tickets = db.GetCollection<Ticket>("tickets");
        Sources = db.GetCollection<SourceRecord>("sources");
        MessageIds = db.GetCollection<MessageIdRecord>("messageids");
        Counters = db.GetCollection<CounterRecord>("counters");
        Outbox = db.GetCollection<OutboxMessage>("outbox");
        Quarantine = db.GetCollection<QuarantineRecord>("quarantine");
        Settings = db.GetCollection<SettingRecord>("settings");
        AutoMail = db.GetCollection<AutoMailRecord>("events");
        Webhooks = db.GetCollection<WebhookDelivery>("webhooks");
        Spam = db.GetCollection<SpamRecord>("spam");
    }

    public ILiteCollection<Ticket> Tickets { get; }
    public ILiteCollection<SourceRecord> Sources { get; }
    public ILiteCollection<MessageIdRecord> MessageIds { get; }
    public ILiteCollection<CounterRecord> Counters { get; }
    public ILiteCollection<OutboxMessage> Outbox { get; }
    public ILiteCollection<QuarantineRecord> Quarantine { get; }
    public ILiteCollection<SettingRecord> Settings { get; }
    public ILiteCollection<AutoMailRecord> AutoMail { get; }
    public ILiteCollection<WebhookDelivery> Webhooks { get; }
    public ILiteCollection<SpamRecord> Spam { get; }

    /// <summary>
    /// Indexes of tickets that stores made by earlier versions have and this one drops: every ticket paid for their
    /// upkeep (index rows are most of a dispatch's CPU) and no query gained from them. A status or a channel matches
    /// most tickets, and LiteDB picks an equality index before a range one, so a filtered list read every open ticket
    /// and sorted them; without these indexes it walks ReceivedAt in order and stops at the limit.
    /// </summary>
    public static readonly string[] RetiredTicketIndexes = [nameof(Ticket.Status), nameof(Ticket.ChannelName)];

    public void EnsureIndexes()
    {
        foreach (var retired in RetiredTicketIndexes)
        {
            Tickets.DropIndex(retired);
        }

        Tickets.EnsureIndex(nameof(Ticket.Number), "$.Number", unique: true);
        Tickets.EnsureIndex(nameof(Ticket.SourceKey), "$.SourceKey", unique: true);
        Tickets.EnsureIndex(nameof(Ticket.DueAt), "$.DueAt");
        Tickets.EnsureIndex(nameof(Ticket.ReceivedAt), "$.ReceivedAt");
        MessageIds.EnsureIndex(nameof(MessageIdRecord.MessageId), "$.MessageId");
        Outbox.EnsureIndex(nameof(OutboxMessage.NextAttemptAt), "$.NextAttemptAt");
        Outbox.EnsureIndex(nameof(OutboxMessage.SentAt), "$.SentAt"); // the pending count reads the unsent rows only
        Outbox.EnsureIndex("ToLower", "LOWER($.To)");
        Quarantine.EnsureIndex(nameof(QuarantineRecord.SourceKey), "$.SourceKey", unique: true);
        Webhooks.EnsureIndex(nameof(WebhookDelivery.NextAttemptAt), "$.NextAttemptAt");
        Spam.EnsureIndex(nameof(SpamRecord.SourceKey), "$.SourceKey", unique: true);
    }

    /// <summary>
    /// Rows finished before <see cref="NeverDue"/> existed keep their last attempt's time and so stay in every due range:
    /// parked once at open. Later opens find nothing to do (the range below <see cref="NeverDue.At"/> holds only
    /// pending rows then). Idempotent: a crash before the checkpoint parks them again.
    /// </summary>
    public void ParkFinishedRows()
    {
        var never = StoreBsonMapper.ToBson(NeverDue.At);
        foreach (var message in Outbox.Find(Query.And(Query.LT(nameof(OutboxMessage.NextAttemptAt), never), "$.SentAt != null")).ToList())
        {
            message.NextAttemptAt = NeverDue.At;
            Outbox.Update(message);
        }

        var finished = "$.DeliveredAt != null OR $.AbandonedAt != null";
        foreach (var delivery in Webhooks.Find(Query.And(Query.LT(nameof(WebhookDelivery.NextAttemptAt), never), finished)).ToList())
        {
            delivery.NextAttemptAt = NeverDue.At;
            Webhooks.Update(delivery);
        }
    }

    public Ticket? FindTicket(string number) => Tickets.FindOne(StoreQuery.Eq("Number", number));
}
