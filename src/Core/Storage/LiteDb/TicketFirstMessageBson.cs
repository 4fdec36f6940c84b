using System.Reflection;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>The LiteDB side of <see cref="TicketFirstMessageCopies"/>: the repeated fields left out as a ticket is written, put back as it is read.</summary>
internal static class TicketFirstMessageBson
{
    /// <summary>For <see cref="BsonMapper.ResolveMember"/>: a repeated field reads as absent (null, left out), a null of its own as an explicit null.</summary>
    public static void OmitRepeated(Type type, MemberInfo member, MemberMapper mapper)
    {
        if (type != typeof(Ticket) || TicketFirstMessageCopies.RepeatsFirstMessage(member.Name) is not { } repeats)
        {
            return;
        }

        var get = mapper.Getter;
        mapper.Getter = entity => repeats((Ticket)entity) ? null : get(entity) ?? BsonValue.Null;
    }

    /// <summary>
    /// For <see cref="BsonMapper.OnDeserialization"/>: a ticket's document missing a field is read with its first
    /// message's (a copy of the document: the caller's stays as stored).
    /// </summary>
    public static BsonValue? Restore(BsonMapper mapper, Type target, BsonValue value)
    {
        if (target != typeof(Ticket) || !value.IsDocument || !value.AsDocument.TryGetValue(nameof(Ticket.Messages), out var messages)
            || !messages.IsArray || messages.AsArray.Count == 0 || !messages.AsArray[0].IsDocument)
        {
            return null;
        }

        var (stored, first) = (value.AsDocument, messages.AsArray[0].AsDocument);
        BsonDocument? ticket = null;
        foreach (var field in TicketFirstMessageCopies.Fields)
        {
            if (!stored.ContainsKey(field) && first.TryGetValue(field, out var copy))
            {
                ticket ??= Copy(stored);
                ticket[field] = copy;
            }
        }

        return ticket;
    }

    private static BsonDocument Copy(BsonDocument stored)
    {
        var copy = new BsonDocument();
        foreach (var (name, value) in stored)
        {
            copy[name] = value;
        }

        return copy;
    }
}
