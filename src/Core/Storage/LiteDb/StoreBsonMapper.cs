using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>The store's own mapper (never the global one), so other LiteDB users in the process cannot change it.</summary>
internal static class StoreBsonMapper
{
    public static BsonMapper Create()
    {
        // LiteDB's defaults store "" as null and trim strings: a ticket with an empty body came back with a null
        // TextBody (found by the hostile-input corpus), and stored text must be what was received.
        var mapper = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false, EmptyStringToNull = false, TrimWhitespace = false };

        // LiteDB's own DateTimeOffset mapping goes through BSON DateTime (milliseconds, local-time pitfalls).
        // UTC ticks keep the exact instant and stay sortable, so range queries and indexes work; the offset is
        // not kept, values come back in UTC (the instant is what matters for due dates and statistics).
        mapper.RegisterType(ToBson, FromBson);

        // A ticket's text, HTML and attachments are kept once, in its first message (TicketFirstMessageCopies).
        mapper.ResolveMember = TicketFirstMessageBson.OmitRepeated;
        mapper.OnDeserialization = TicketFirstMessageBson.Restore;
        mapper.Entity<Ticket>().Ignore(t => t.IsSuspended);
        return mapper;
    }

    public static BsonValue ToBson(DateTimeOffset value) => new(value.UtcTicks);

    public static DateTimeOffset FromBson(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);
}
