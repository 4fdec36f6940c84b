using ContactCenter.Core.Statistics;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    /// <summary>Received range is [ReceivedFrom, ReceivedTo); results ordered by ReceivedAt, then Number (both reversed for NewestFirst).</summary>
    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit ?? 1, 1, nameof(query.Limit));
        return RunAsync(() => Find(query), cancellationToken);
    }

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

        if (q.SourceKey is { } key)
        {
            query = query.Where("$.SourceKey = @0", key);
        }

        if (q.Sender is { } sender)
        {
            var text = sender.Trim();
            query = query.Where("LOWER($.Sender.Email) = @0 OR UPPER($.Sender.FiscalCode) = @1 OR $.Sender.Phone = @2 OR $.Sender.Fax = @2",
                text.ToLowerInvariant(), text.ToUpperInvariant(), q.SenderPhone ?? text);
        }

        if (q.Corrected)
        {
            query = query.Where("$.Classification.IsCorrection = true");
        }

        if (q.NeedsReview)
        {
            query = query.Where("$.NeedsReview = true");
        }

        query = WhereInstant(query, "$.ReceivedAt >= @0", q.ReceivedFrom);
        query = WhereInstant(query, q.NewestFirst ? "$.ReceivedAt <= @0" : "$.ReceivedAt >= @0", q.After?.ReceivedAt);
        query = WhereInstant(query, "$.ReceivedAt < @0", q.ReceivedTo);
        query = WhereInstant(query, "$.DueAt < @0", q.DueBefore);
        if (q.OverdueAt is { } overdueAt)
        {
            query = query.Where("$.Status = @0", nameof(TicketStatus.Open));
            query = WhereInstant(query, "$.DueAt < @0", overdueAt);
        }

        var found = new List<Ticket>();
        foreach (var ticket in (q.NewestFirst ? query.OrderByDescending("$.ReceivedAt") : query.OrderBy("$.ReceivedAt")).ToEnumerable())
        {
            if ((q.OverdueAt is not null && ticket.IsSuspended) || IsGiven(ticket, q.After, q.NewestFirst))
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

        var ordered = q.NewestFirst
            ? found.OrderByDescending(t => t.ReceivedAt).ThenByDescending(t => t.Number, StringComparer.Ordinal)
            : found.OrderBy(t => t.ReceivedAt).ThenBy(t => t.Number, StringComparer.Ordinal);
        return [.. q.Limit is { } max ? ordered.Take(max) : ordered];
    }

    /// <summary>A ticket of the cursor's instant that the list already gave (the query starts at that instant).</summary>
    private static bool IsGiven(Ticket ticket, TicketCursor? after, bool newestFirst) =>
        after is not null && ticket.ReceivedAt == after.ReceivedAt
        && (newestFirst ? string.CompareOrdinal(ticket.Number, after.Number) >= 0 : string.CompareOrdinal(ticket.Number, after.Number) <= 0);

    public Task<IReadOnlyList<ChannelTicketSummary>> SummarizeTicketsAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<ChannelTicketSummary>>(() =>
        {
            // Only the fields counted, not whole tickets mapped to objects (their messages and history are most of them).
            var rows = _c.Tickets.Query()
                .Select("{ c: $.ChannelName, s: $.Status, r: $.NeedsReview, y: $.Year, q: $.Sequence, n: $.Number, at: $.ReceivedAt, d: $.DueAt, su: $.Suspensions }")
                .ToEnumerable()
                .Select(d =>
                {
                    var open = d["s"].AsString == nameof(TicketStatus.Open);
                    var suspended = d["su"] is BsonArray { Count: > 0 } suspensions && suspensions[^1]["Until"].IsNull;
                    return (Channel: d["c"].AsString, Open: open, Review: d["r"].IsBoolean && d["r"].AsBoolean,
                        Overdue: open && !suspended && StoreBsonMapper.FromBson(d["d"]) < now,
                        Order: (d["y"].AsInt32, d["q"].AsInt32), Number: d["n"].AsString, At: d["at"]);
                });
            return [.. rows.GroupBy(r => r.Channel, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var last = g.MaxBy(r => r.Order);
                return new ChannelTicketSummary(g.Key, g.Count(), g.Count(r => r.Open), g.Count(r => r.Review), g.Count(r => r.Overdue), last.Number,
                    StoreBsonMapper.FromBson(last.At));
            })];
        }, cancellationToken);

    public Task<IReadOnlyList<TicketFacts>> ListTicketFactsAsync(DateTimeOffset? receivedFrom, DateTimeOffset? receivedTo, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<TicketFacts>>(() =>
        {
            var query = WhereInstant(WhereInstant(_c.Tickets.Query(), "$.ReceivedAt >= @0", receivedFrom), "$.ReceivedAt < @0", receivedTo);
            return [.. query
                .Select("{ ch: $.Channel, l: $.Classification.Level, c: $.Classification.Category, s: $.Status, r: $.ReceivedAt, d: $.DueAt, " +
                        "rs: $.ReceiptSentAt, cl: $.ClosedAt, su: $.Suspensions, ro: $.ReopenedAt }")
                .ToEnumerable()
                .Select(d =>
                {
                    var suspensions = d["su"] is BsonArray array ? array : [];
                    var (received, closed) = (StoreBsonMapper.FromBson(d["r"]), Instant(d["cl"]));
                    return new TicketFacts(
                        Enum.Parse<ChannelKind>(d["ch"].AsString),
                        Enum.Parse<ServiceLevel>(d["l"].AsString),
                        d["c"].AsString,
                        Enum.Parse<TicketStatus>(d["s"].AsString),
                        received,
                        StoreBsonMapper.FromBson(d["d"]),
                        Instant(d["rs"]),
                        closed,
                        suspensions.Count > 0 && suspensions[^1]["Until"].IsNull,
                        closed is null ? null : AnswerTime.Of(received, Instant(d["ro"]), closed, suspensions.Select(Suspension)));
                })];
        }, cancellationToken);

    private static SlaSuspension Suspension(BsonValue value) => new() { From = StoreBsonMapper.FromBson(value["From"]), Until = Instant(value["Until"]) };

    private static DateTimeOffset? Instant(BsonValue value) => value.IsNull ? null : StoreBsonMapper.FromBson(value);

    private static ILiteQueryable<Ticket> WhereInstant(ILiteQueryable<Ticket> query, string predicate, DateTimeOffset? value) =>
        value is { } instant ? query.Where(predicate, StoreBsonMapper.ToBson(instant)) : query;
}
