using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>How an outbox row changes after an attempt, and the ticket event that goes with it.</summary>
internal static class OutboxRowState
{
    /// <summary>
    /// Counts the attempt, and makes the row due again only after its backoff, before the receipt is handed to the
    /// relay: if the store cannot record the send afterwards (a crash, a full disk, a read-only failover), the copy
    /// that follows waits out a growing backoff and stops at <see cref="ReceiptOptions.MaxAttempts"/>, instead of
    /// going out again at every run.
    /// </summary>
    public static void Claim(OutboxMessage row, DateTimeOffset now, ReceiptOptions options)
    {
        row.Attempts++;
        row.NextAttemptAt = now + options.RetryBackoff.After(row.Attempts);
    }

    /// <summary>After <see cref="Claim"/>: the attempt is counted already.</summary>
    public static TicketEvent MarkSent(OutboxMessage row, DateTimeOffset now)
    {
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

    /// <summary>
    /// Counts the attempt (unless <paramref name="claimed"/>: <see cref="Claim"/> counted it) and schedules the next
    /// one; returns the abandon event once the limit is reached.
    /// </summary>
    public static TicketEvent? MarkFailed(OutboxMessage row, string error, DateTimeOffset now, ReceiptOptions options, bool claimed = false)
    {
        if (!claimed)
        {
            row.Attempts++;
        }

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
