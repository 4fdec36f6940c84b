using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Testing.Receipts;

/// <summary>
/// Test-only stand-in for the store's receipt part (dispatch of new tickets, outbox, mode) until the LiteDB store
/// lands; rows are copied in and out so the caller cannot change stored state without UpdateOutboxAsync.
/// </summary>
public sealed class InMemoryTicketStore(TimeProvider time) : ITicketStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Ticket> tickets = [];
    private readonly List<OutboxMessage> outbox = [];
    private ServiceMode mode;

    public Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<DispatchOutcome> outcomes = [.. batch.Select(Dispatch)];
            return Task.FromResult(outcomes);
        }
    }

    public Task<Ticket?> GetAsync(string number, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(tickets.GetValueOrDefault(number));
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> GetDueOutboxAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            IReadOnlyList<OutboxMessage> due = [.. outbox.Where(o => o.SentAt is null && o.NextAttemptAt <= now).Take(max).Select(Copy)];
            return Task.FromResult(due);
        }
    }

    public Task<int> CountOutboxAsync(bool pendingOnly, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(outbox.Count(o => !pendingOnly || o.SentAt is null));
        }
    }

    public Task<int> CountReceiptsToAsync(string address, DateTimeOffset since, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(outbox.Count(o => string.Equals(o.To, address, StringComparison.OrdinalIgnoreCase) && o.CreatedAt >= since));
        }
    }

    public Task UpdateOutboxAsync(OutboxMessage message, TicketEvent? ticketEvent, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var index = outbox.FindIndex(o => o.Id == message.Id);
            if (index < 0)
            {
                throw new KeyNotFoundException($"No outbox message {message.Id}.");
            }

            outbox[index] = Copy(message);
            if (ticketEvent is not null && tickets.TryGetValue(message.TicketNumber, out var ticket))
            {
                ticket.History.Add(ticketEvent);
                ticket.ReceiptSentAt = ticketEvent.Kind == TicketEventKind.ReceiptSent ? message.SentAt : ticket.ReceiptSentAt;
            }

            return Task.CompletedTask;
        }
    }

    public Task<ServiceMode> GetModeAsync(CancellationToken cancellationToken) => Task.FromResult(mode);

    public Task SetModeAsync(ServiceMode mode, string actor, CancellationToken cancellationToken)
    {
        this.mode = mode;
        return Task.CompletedTask;
    }

    public Task<bool> IsKnownSourceAsync(string sourceKey, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<Ticket>> QueryAsync(TicketQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<Ticket?> UpdateAsync(string number, Func<Ticket, TicketEvent> change, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<QuarantineRecord> QuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<IReadOnlyList<QuarantineRecord>> ListQuarantineAsync(bool includeResolved, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken) => throw new NotSupportedException();
    public Task UpdateQuarantineAsync(QuarantineRecord record, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose()
    {
    }

    private DispatchOutcome Dispatch(DispatchRequest request)
    {
        var now = time.GetUtcNow();
        var draft = request.Draft;
        var number = TicketNumber.Format("PC", now.Year, tickets.Count + 1);
        tickets[number] = new Ticket
        {
            Number = number, Channel = draft.Channel, ChannelName = draft.ChannelName, ReceivedAt = draft.ReceivedAt,
            Sender = draft.Sender, Subject = draft.Subject, TextBody = draft.TextBody, SourceKey = draft.SourceKey,
            MessageId = draft.MessageId, Classification = request.Classification, ClockStartedAt = request.ClockStartedAt,
            DueAt = request.DueAt,
            Messages = [new TicketMessage { Kind = MessageKind.Original, MessageId = draft.MessageId, References = draft.References, Subject = draft.Subject }],
        };
        if (request.ReceiptTo is not null)
        {
            outbox.Add(new OutboxMessage { Id = outbox.Count + 1, TicketNumber = number, To = request.ReceiptTo, CreatedAt = now, NextAttemptAt = now });
        }

        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Created, number);
    }

    private static OutboxMessage Copy(OutboxMessage o) => new()
    {
        Id = o.Id, TicketNumber = o.TicketNumber, To = o.To, Kind = o.Kind, CreatedAt = o.CreatedAt, NextAttemptAt = o.NextAttemptAt,
        Attempts = o.Attempts, LastError = o.LastError, SentAt = o.SentAt, MessageId = o.MessageId, AbandonedAt = o.AbandonedAt,
    };
}
