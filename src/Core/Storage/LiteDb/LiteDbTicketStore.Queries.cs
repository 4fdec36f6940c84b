using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    /// <summary>Received range is [ReceivedFrom, ReceivedTo); results ordered by ReceivedAt, then Number.</summary>
    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken) =>
        RunAsync(() => Find(query), cancellationToken);

    private IReadOnlyList<Ticket> Find(TicketQuery q)
    {
        var query = _c.Tickets.Query();
        if (q.Status is { } status)
        {
            query = query.Where("$.Status = @0", status.ToString());
        }

        if (q.ChannelName is { } channel)
        {
            query = query.Where("$.ChannelName = @0", channel);
        }

        if (q.Sender is { } sender)
        {
            var text = sender.Trim();
            query = query.Where("LOWER($.Sender.Email) = @0 OR UPPER($.Sender.FiscalCode) = @1 OR $.Sender.Phone = @2 OR $.Sender.Fax = @2",
                text.ToLowerInvariant(), text.ToUpperInvariant(), q.SenderPhone ?? text);
        }

        if (q.NeedsReview)
        {
            query = query.Where("$.NeedsReview = true");
        }

        query = WhereInstant(query, "$.ReceivedAt >= @0", q.ReceivedFrom);
        query = WhereInstant(query, "$.ReceivedAt < @0", q.ReceivedTo);
        query = WhereInstant(query, "$.DueAt < @0", q.DueBefore);
        if (q.OverdueAt is { } overdueAt)
        {
            query = query.Where("$.Status = @0", nameof(TicketStatus.Open));
            query = WhereInstant(query, "$.DueAt < @0", overdueAt);
        }

        var found = new List<Ticket>();
        foreach (var ticket in query.OrderBy("$.ReceivedAt").ToEnumerable())
        {
            if (q.OverdueAt is not null && ticket.IsSuspended)
            {
                continue;
            }

            // Past the limit, keep reading only the tickets that tie on ReceivedAt, so Number can break the tie.
            if (q.Limit is { } limit && found.Count >= limit && ticket.ReceivedAt != found[^1].ReceivedAt)
            {
                break;
            }

            found.Add(ticket);
        }

        var ordered = found.OrderBy(t => t.ReceivedAt).ThenBy(t => t.Number, StringComparer.Ordinal);
        return [.. q.Limit is { } max ? ordered.Take(max) : ordered];
    }

    private static ILiteQueryable<Ticket> WhereInstant(ILiteQueryable<Ticket> query, string predicate, DateTimeOffset? value) =>
        value is { } instant ? query.Where(predicate, StoreBsonMapper.ToBson(instant)) : query;
}
