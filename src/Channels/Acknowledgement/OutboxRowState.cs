using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>How an outbox row changes after an attempt, and the ticket event that goes with it.</summary>
internal static class OutboxRowState
{
    public static TicketEvent MarkSent(OutboxMessage row, DateTimeOffset now)
    {
        row.Attempts++;
        row.SentAt = now;
        row.LastError = null;
        row.NextAttemptAt = NeverDue.At; // out of every later due range
        return new TicketEvent
        {
            At = now,
            Kind = TicketEventKind.ReceiptSent,
            Detail = $"ricevuta di presa in carico inviata a {row.To} (Message-ID <{row.MessageId}>, tentativo {row.Attempts})",
        };
    }

    /// <summary>Counts the attempt and schedules the next one; returns the abandon event once the limit is reached.</summary>
    public static TicketEvent? MarkFailed(OutboxMessage row, string error, DateTimeOffset now, ReceiptOptions options)
    {
        row.Attempts++;
        row.LastError = error;
        if (row.Attempts >= options.MaxAttempts)
        {
            return MarkAbandoned(row, $"non inviata dopo {row.Attempts} tentativi: {error}", now);
        }

        row.NextAttemptAt = now + options.RetryBackoff.After(row.Attempts);
        return null;
    }

    public static TicketEvent MarkAbandoned(OutboxMessage row, string reason, DateTimeOffset now)
    {
        row.LastError = reason;
        row.AbandonedAt = now;
        row.NextAttemptAt = NeverDue.At;
        return new TicketEvent
        {
            At = now,
            Kind = TicketEventKind.ReceiptSuppressed,
            Detail = $"ricevuta di presa in carico a {row.To} abbandonata: {reason}",
        };
    }
}
