using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

internal sealed partial class LiteDbTicketStore
{
    /// <summary>Neither sent nor abandoned: an abandoned receipt (refused by the relay, out of attempts) waits for nothing.</summary>
    private const string Pending = "$.SentAt = null AND $.AbandonedAt = null";

    public Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<OutboxMessage>>(() => [.. _c.Outbox.Query()
            .Where(Pending)
            .Where("$.NextAttemptAt <= @0", StoreBsonMapper.ToBson(now))
            .OrderBy("$._id")
            .Limit(max)
            .ToEnumerable()], cancellationToken);

    public Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken) =>
        RunAsync(() => pendingOnly ? _c.Outbox.Count(Pending) : _c.Outbox.Count(), cancellationToken);

    public Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken) =>
        RunAsync(() => _c.Outbox.Count(
            "LOWER($.To) = @0 AND $.CreatedAt >= @1",
            address.Trim().ToLowerInvariant(), StoreBsonMapper.ToBson(since)), cancellationToken);

    /// <summary>
    /// Saves the row and, when given, appends the ticket's event in the same commit. The receipt's Message-ID is
    /// remembered so that a citizen's reply to the receipt finds its ticket through In-Reply-To.
    /// </summary>
    public Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            if (!_c.Outbox.Update(message))
            {
                throw new KeyNotFoundException($"No outbox message {message.Id}.");
            }

            if (MessageIdRecord.Normalize(message.MessageId) is { } messageId)
            {
                _c.MessageIds.Upsert(new MessageIdRecord
                {
                    Key = MessageIdRecord.KeyOf(MessageIdRecord.OutboxChannel, messageId),
                    MessageId = messageId,
                    TicketNumber = message.TicketNumber,
                });
            }

            if (ticketEvent is not null && _c.FindTicket(message.TicketNumber) is { } ticket)
            {
                if (ticketEvent.At == default)
                {
                    ticketEvent.At = _time.GetUtcNow();
                }

                ticket.History.Add(ticketEvent);
                if (ticketEvent.Kind == TicketEventKind.ReceiptSent)
                {
                    ticket.ReceiptSentAt = message.SentAt ?? ticketEvent.At;
                }

                _c.Tickets.Update(ticket);
            }
        }), cancellationToken);
}
