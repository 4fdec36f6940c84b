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

    public void EnsureIndexes()
    {
        Tickets.EnsureIndex(nameof(Ticket.Number), "$.Number", unique: true);
        Tickets.EnsureIndex(nameof(Ticket.SourceKey), "$.SourceKey", unique: true);
        Tickets.EnsureIndex(nameof(Ticket.Status), "$.Status");
        Tickets.EnsureIndex(nameof(Ticket.DueAt), "$.DueAt");
        Tickets.EnsureIndex(nameof(Ticket.ReceivedAt), "$.ReceivedAt");
        Tickets.EnsureIndex(nameof(Ticket.ChannelName), "$.ChannelName");
        MessageIds.EnsureIndex(nameof(MessageIdRecord.MessageId), "$.MessageId");
        Outbox.EnsureIndex(nameof(OutboxMessage.NextAttemptAt), "$.NextAttemptAt");
        Outbox.EnsureIndex("ToLower", "LOWER($.To)");
        Quarantine.EnsureIndex(nameof(QuarantineRecord.SourceKey), "$.SourceKey", unique: true);
        Webhooks.EnsureIndex(nameof(WebhookDelivery.NextAttemptAt), "$.NextAttemptAt");
        Spam.EnsureIndex(nameof(SpamRecord.SourceKey), "$.SourceKey", unique: true);
    }

    public Ticket? FindTicket(string number) => Tickets.FindOne(StoreQuery.Eq("Number", number));
}
