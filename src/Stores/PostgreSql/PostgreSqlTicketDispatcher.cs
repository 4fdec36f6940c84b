using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Applies dispatch requests inside the caller's open transaction, one after the other, with the rules of the LiteDB
/// store's TicketDispatcher (same order: source key, Message-ID in the same mailbox, automatic mail, ticket number in
/// the subject, In-Reply-To, References from the newest, else a new ticket). Tickets, messages and history are built
/// by Core's TicketFactory, so both stores write the same documents. Rows a racing node could also write (source
/// key, Message-ID) are plain INSERTs: the loser gets a unique violation and its whole batch runs again, where it
/// then finds the winner's rows and reports Duplicate.
/// </summary>
internal sealed class PostgreSqlTicketDispatcher(NpgsqlConnection db, string prefix, DateTimeOffset now, ILogger logger)
{
    // TicketFactory reaches the LiteDB collections only to queue a receipt; CreateAsync queues it here instead.
    private readonly TicketFactory _factory = new(null!, now);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        var rows = await Sql.ListAsync(db, "SELECT outcome, ticket_number FROM sources WHERE key = @k",
            r => (Outcome: r.GetString(0), Ticket: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("k", draft.SourceKey))
            .ConfigureAwait(false);
        var known = rows.Count == 1 ? rows[0] : ((string Outcome, string? Ticket)?)null;
        if (known is { } k && k.Outcome != nameof(SourceOutcome.Quarantined))
        {
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, k.Ticket);
        }

        var messageId = MessageIdRecord.Normalize(draft.MessageId);
        var outcome = await FindDuplicateAsync(draft, messageId, cancellationToken).ConfigureAwait(false)
            ?? (draft.AutomaticMail != AutomaticMailKind.None ? await DispatchAutomaticAsync(draft, messageId, cancellationToken).ConfigureAwait(false)
                : await FindTargetAsync(draft, cancellationToken).ConfigureAwait(false) is { } ticket
                    ? await AppendFollowUpAsync(ticket, request, messageId, cancellationToken).ConfigureAwait(false)
                    : await CreateAsync(request, messageId, cancellationToken).ConfigureAwait(false));

        var sql = known is null
            ? "INSERT INTO sources (key, outcome, ticket_number, at) VALUES (@k, @o, @t, @at)"
            : "UPDATE sources SET outcome = @o, ticket_number = @t, at = @at WHERE key = @k";
        await Sql.ExecuteAsync(db, sql, cancellationToken,
            ("k", draft.SourceKey), ("o", outcome.Kind.ToString()), ("t", outcome.TicketNumber), ("at", now)).ConfigureAwait(false);
        if (known is not null)
        {
            await ResolveQuarantineAsync(draft.SourceKey, outcome.TicketNumber, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<DispatchOutcome?> FindDuplicateAsync(TicketDraft draft, string? messageId, CancellationToken cancellationToken)
    {
        if (messageId is null)
        {
            return null;
        }

        var seen = await Sql.ListAsync(db, "SELECT ticket_number FROM message_ids WHERE channel = @c AND message_id = @m",
            r => r.IsDBNull(0) ? null : r.GetString(0), cancellationToken, ("c", draft.ChannelName), ("m", messageId)).ConfigureAwait(false);
        return seen.Count == 0 ? null : new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, seen[0]);
    }

    private async Task<Ticket?> FindTargetAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        if (TicketNumber.TryFind(draft.Subject, prefix, out var number)
            && await TicketRows.FindForUpdateAsync(db, number, cancellationToken).ConfigureAwait(false) is { } bySubject)
        {
            return bySubject;
        }

        IEnumerable<string?> references = [draft.InReplyTo, .. Enumerable.Reverse(draft.References)];
        foreach (var reference in references.Select(MessageIdRecord.Normalize).OfType<string>())
        {
            var hits = await Sql.ListAsync(db,
                "SELECT ticket_number FROM message_ids WHERE message_id = @m AND ticket_number IS NOT NULL ORDER BY channel LIMIT 1",
                r => r.GetString(0), cancellationToken, ("m", reference)).ConfigureAwait(false);
            if (hits.Count == 1 && await TicketRows.FindForUpdateAsync(db, hits[0], cancellationToken).ConfigureAwait(false) is { } byReference)
            {
                return byReference;
            }
        }

        return null;
    }

    private async Task<DispatchOutcome> DispatchAutomaticAsync(TicketDraft draft, string? messageId, CancellationToken cancellationToken)
    {
        var ticket = await FindTargetAsync(draft, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            await Sql.ExecuteAsync(db, "INSERT INTO auto_mail (at, source_key, doc) VALUES (@at, @k, @doc)", cancellationToken,
                ("at", now), ("k", draft.SourceKey), ("doc", StoreJson.Serialize(TicketFactory.AutoMailRecordOf(draft, messageId, now)))).ConfigureAwait(false);
            await RememberMessageIdAsync(draft.ChannelName, messageId, null, cancellationToken).ConfigureAwait(false);
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailRecorded, null);
        }

        var kind = draft.AutomaticMail switch
        {
            AutomaticMailKind.Bounce => MessageKind.Bounce,
            AutomaticMailKind.OwnAddress => MessageKind.OwnMail,
            _ => MessageKind.AutoReply,
        };
        ticket.Messages.Add(TicketFactory.MessageOf(draft, kind, messageId));
        ticket.HasOutgoingReply |= kind == MessageKind.OwnMail;
        ticket.History.Add(_factory.Event(TicketEventKind.AutoMailAttached, $"{draft.AutomaticMail}: {draft.AutomaticMailReason}", draft.SourceKey));
        await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await RememberMessageIdAsync(draft.ChannelName, messageId, ticket.Number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailAttached, ticket.Number);
    }

    private async Task<DispatchOutcome> AppendFollowUpAsync(Ticket ticket, DispatchRequest request, string? messageId, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        ticket.Messages.Add(TicketFactory.MessageOf(draft, MessageKind.FollowUp, messageId));
        ticket.History.Add(_factory.Event(TicketEventKind.FollowUpAppended, $"Seguito ricevuto da {draft.ChannelName}", draft.SourceKey));
        if (ticket.Status == TicketStatus.Closed)
        {
            _factory.Reopen(ticket, request);
            PostgreSqlStoreLog.TicketReopened(logger, ticket.Number, draft.SourceKey);
        }

        _factory.FlagForReview(ticket, draft);
        await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await RememberMessageIdAsync(draft.ChannelName, messageId, ticket.Number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.FollowUpAppended, ticket.Number);
    }

    private async Task<DispatchOutcome> CreateAsync(DispatchRequest request, string? messageId, CancellationToken cancellationToken)
    {
        var (number, year, sequence) = await PostgreSqlTicketSequence.NextAsync(db, prefix, request.Draft.ReceivedAt, cancellationToken).ConfigureAwait(false);
        var receiptTo = request.ReceiptTo;
        var ticket = _factory.Create(WithoutReceipt(request), number, year, sequence, messageId);
        if (!string.IsNullOrWhiteSpace(receiptTo))
        {
            await QueueReceiptAsync(ticket, receiptTo, request.Draft.SourceKey, cancellationToken).ConfigureAwait(false);
        }

        await TicketRows.InsertAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await RememberMessageIdAsync(request.Draft.ChannelName, messageId, number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(request.Draft.SourceKey, DispatchOutcomeKind.Created, number);
    }

    /// <summary>
    /// The outbox row and history line TicketFactory.Create writes for a receipt (LiteDB), in place of the
    /// "suppressed" line it wrote because it was handed the request without its address.
    /// </summary>
    private async Task QueueReceiptAsync(Ticket ticket, string receiptTo, string sourceKey, CancellationToken cancellationToken)
    {
        var message = new OutboxMessage { TicketNumber = ticket.Number, To = receiptTo, CreatedAt = now, NextAttemptAt = now };
        await PostgreSqlOutbox.InsertAsync(db, message, cancellationToken).ConfigureAwait(false);
        var index = ticket.History.FindLastIndex(e => e.Kind == TicketEventKind.ReceiptSuppressed);
        ticket.History[index] = _factory.Event(TicketEventKind.ReceiptQueued, $"Presa in carico in coda per {receiptTo}", sourceKey);
    }

    private async Task RememberMessageIdAsync(string channelName, string? messageId, string? ticketNumber, CancellationToken cancellationToken)
    {
        if (messageId is not null)
        {
            await Sql.ExecuteAsync(db, "INSERT INTO message_ids (channel, message_id, ticket_number) VALUES (@c, @m, @t)", cancellationToken,
                ("c", channelName), ("m", messageId), ("t", ticketNumber)).ConfigureAwait(false);
        }
    }

    /// <summary>A quarantined item dispatched again (a retry with the same source key) resolves its quarantine record.</summary>
    private async Task ResolveQuarantineAsync(string sourceKey, string? ticketNumber, CancellationToken cancellationToken)
    {
        var records = await Sql.ListAsync(db, "SELECT id, doc::text FROM quarantine WHERE source_key = @k FOR UPDATE",
            PostgreSqlQuarantine.Read, cancellationToken, ("k", sourceKey)).ConfigureAwait(false);
        if (records is [{ Status: QuarantineStatus.Pending } record])
        {
            record.Status = QuarantineStatus.Retried;
            record.ResolvedAt = now;
            record.ResultTicketNumber = ticketNumber;
            await PostgreSqlQuarantine.UpdateAsync(db, record, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A shallow copy of the request without its receipt address: every other field, present or added later, carries over.</summary>
    private static DispatchRequest WithoutReceipt(DispatchRequest request)
    {
        var copy = (DispatchRequest)MemberwiseCopy(request);
        SetReceiptTo(copy, null);
        return copy;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "MemberwiseClone")]
    private static extern object MemberwiseCopy(object source);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_ReceiptTo")]
    private static extern void SetReceiptTo(DispatchRequest request, string? value);
}
