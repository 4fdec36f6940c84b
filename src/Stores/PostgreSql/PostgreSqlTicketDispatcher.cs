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
/// store's TicketDispatcher (same order: source key, Message-ID with the same content fingerprint in the same mailbox, automatic mail, ticket number in
/// the subject, In-Reply-To, References from the newest, else a new ticket). Tickets, messages and history are built
/// by Core's TicketFactory, so both stores write the same documents. Rows a racing node could also write (source
/// key, Message-ID) are plain INSERTs: the loser gets a unique violation and its whole batch runs again, where it
/// then finds the winner's rows and reports Duplicate.
/// </summary>
internal sealed class PostgreSqlTicketDispatcher(NpgsqlConnection db, string prefix, DateTimeOffset now, ILogger logger)
{
    // TicketFactory reaches the LiteDB collections only to queue a receipt; CreateAsync queues it here instead.
    private readonly TicketFactory _factory = new(null!, now);
    private readonly MessageIdMatch _messageIds = new(db);
    private BatchReceiptCounts? _receiptCounts;

    /// <summary>Reads the receipts already queued today to the batch's senders with one query, not one per ticket.</summary>
    public async Task PrepareAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        var (addresses, since) = BatchReceiptCounts.Wanted(batch);
        if (since is not { } start)
        {
            return;
        }

        var queued = await Sql.ListAsync(db,
            "SELECT to_lower, count(*) FROM outbox WHERE to_lower = ANY(@to) AND created_at >= @since GROUP BY to_lower",
            r => (r.GetString(0), (int)r.GetInt64(1)), cancellationToken, ("to", addresses.ToArray()), ("since", start)).ConfigureAwait(false);
        _receiptCounts = new BatchReceiptCounts(start, addresses, queued);
    }

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        var rows = await Sql.ListAsync(db, "SELECT outcome, ticket_number FROM sources WHERE key = @k",
            r => (Outcome: r.GetString(0), Ticket: r.IsDBNull(1) ? null : r.GetString(1)), cancellationToken, ("k", draft.SourceKey))
            .ConfigureAwait(false);
        var known = rows.Count == 1 ? rows[0] : ((string Outcome, string? Ticket)?)null;
        if (known is { } k && k.Outcome is not (nameof(SourceOutcome.Quarantined) or nameof(SourceOutcome.Spam)))
        {
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, k.Ticket);
        }

        var incoming = await _messageIds.IdentifyAsync(draft, cancellationToken).ConfigureAwait(false);
        var outcome = incoming.Repeated is { } repeated ? await RecordDuplicateAsync(draft, incoming, repeated, cancellationToken).ConfigureAwait(false)
            : draft.AutomaticMail != AutomaticMailKind.None ? await DispatchAutomaticAsync(draft, incoming, cancellationToken).ConfigureAwait(false)
            : await FindTargetAsync(draft, cancellationToken).ConfigureAwait(false) is { } ticket
                ? await FollowUpAsync(ticket, request, incoming, cancellationToken).ConfigureAwait(false)
                : await CreateAsync(request, incoming, cancellationToken).ConfigureAwait(false);
        if (incoming.IsReused)
        {
            await NoteReuseAsync(draft, incoming, outcome.TicketNumber, cancellationToken).ConfigureAwait(false);
        }

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

    /// <summary>Nothing new is stored, but the ticket it repeats says that (and when) the copy came.</summary>
    private async Task<DispatchOutcome> RecordDuplicateAsync(TicketDraft draft, IncomingMessage incoming, MessageIdRow repeated, CancellationToken cancellationToken)
    {
        if (repeated.TicketNumber is not null && await TicketRows.FindForUpdateAsync(db, repeated.TicketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.DuplicateReceived, DuplicateNotes.Duplicate(incoming.MessageId!, draft.SourceKey), draft.SourceKey));
            await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        }

        DuplicateLog.Duplicate(logger, draft.SourceKey, incoming.MessageId!, repeated.TicketNumber);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, repeated.TicketNumber);
    }

    /// <summary>A reused Message-ID may be a broken mailer or a forgery: both tickets say so, and what differs.</summary>
    private async Task NoteReuseAsync(TicketDraft draft, IncomingMessage incoming, string? ticketNumber, CancellationToken cancellationToken)
    {
        var first = incoming.Earlier[0];
        var differences = await _messageIds.FingerprintOfAsync(first, draft.ChannelName, cancellationToken).ConfigureAwait(false) is { } earlier
            ? incoming.Fingerprint.Differences(earlier) : [];
        var messageId = incoming.MessageId!;
        if (ticketNumber is not null && await TicketRows.FindForUpdateAsync(db, ticketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.MessageIdReused, DuplicateNotes.ReusedByThis(messageId, first.TicketNumber, differences), draft.SourceKey));
            await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        }

        if (first.TicketNumber is not null && first.TicketNumber != ticketNumber
            && await TicketRows.FindForUpdateAsync(db, first.TicketNumber, cancellationToken).ConfigureAwait(false) is { } earlierTicket)
        {
            earlierTicket.History.Add(_factory.Event(TicketEventKind.MessageIdReused,
                DuplicateNotes.ReusedByOther(messageId, ticketNumber, draft.SourceKey, differences), draft.SourceKey));
            await TicketRows.UpdateAsync(db, earlierTicket, cancellationToken).ConfigureAwait(false);
        }

        DuplicateLog.Reused(logger, draft.SourceKey, messageId, first.TicketNumber, string.Join(", ", differences), ticketNumber);
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
                "SELECT ticket_number FROM message_ids WHERE message_id = @m AND ticket_number IS NOT NULL ORDER BY channel, n LIMIT 1",
                r => r.GetString(0), cancellationToken, ("m", reference)).ConfigureAwait(false);
            if (hits.Count == 1 && await TicketRows.FindForUpdateAsync(db, hits[0], cancellationToken).ConfigureAwait(false) is { } byReference)
            {
                return byReference;
            }
        }

        return null;
    }

    private async Task<DispatchOutcome> DispatchAutomaticAsync(TicketDraft draft, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var ticket = await FindTargetAsync(draft, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            await Sql.ExecuteAsync(db, "INSERT INTO auto_mail (at, source_key, doc) VALUES (@at, @k, @doc)", cancellationToken,
                ("at", now), ("k", draft.SourceKey), ("doc", StoreJson.Serialize(TicketFactory.AutoMailRecordOf(draft, incoming.MessageId, now)))).ConfigureAwait(false);
            await _messageIds.RememberAsync(draft, incoming, null, cancellationToken).ConfigureAwait(false);
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailRecorded, null);
        }

        FollowUpAppender.AttachAutomatic(_factory, ticket, draft, incoming.MessageId);
        await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await _messageIds.RememberAsync(draft, incoming, ticket.Number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailAttached, ticket.Number);
    }

    /// <summary>A follow-up from someone the ticket does not know: appended and flagged, or a new linked ticket (draft.FollowUpFromStrangers).</summary>
    private async Task<DispatchOutcome> FollowUpAsync(Ticket ticket, DispatchRequest request, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var stranger = FollowUpSenderRule.IsStranger(ticket, request.Draft);
        return stranger && request.Draft.FollowUpFromStrangers == FollowUpFromStrangers.NewTicket
            ? await CreateLinkedAsync(ticket, request, incoming, cancellationToken).ConfigureAwait(false)
            : await AppendFollowUpAsync(ticket, request, incoming, stranger, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DispatchOutcome> CreateLinkedAsync(Ticket named, DispatchRequest request, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var outcome = await CreateAsync(request, incoming, cancellationToken).ConfigureAwait(false);
        var created = (await TicketRows.FindForUpdateAsync(db, outcome.TicketNumber!, cancellationToken).ConfigureAwait(false))!;
        FollowUpAppender.Link(_factory, created, named, request.Draft);
        await TicketRows.UpdateAsync(db, created, cancellationToken).ConfigureAwait(false);
        await TicketRows.UpdateAsync(db, named, cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    private async Task<DispatchOutcome> AppendFollowUpAsync(Ticket ticket, DispatchRequest request, IncomingMessage incoming, bool stranger, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        if (FollowUpAppender.Append(_factory, ticket, request, incoming.MessageId, stranger))
        {
            PostgreSqlStoreLog.TicketReopened(logger, ticket.Number, draft.SourceKey);
        }

        await TicketRows.UpdateAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await _messageIds.RememberAsync(draft, incoming, ticket.Number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.FollowUpAppended, ticket.Number);
    }

    private async Task<DispatchOutcome> CreateAsync(DispatchRequest request, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var (number, year, sequence) = await PostgreSqlTicketSequence.NextAsync(db, prefix, request.Draft.ReceivedAt, cancellationToken).ConfigureAwait(false);
        var receiptTo = request.ReceiptTo;
        var ticket = _factory.Create(WithoutReceipt(request), number, year, sequence, incoming.MessageId);
        if (!string.IsNullOrWhiteSpace(receiptTo))
        {
            await QueueReceiptAsync(ticket, receiptTo, request, cancellationToken).ConfigureAwait(false);
        }

        await TicketRows.InsertAsync(db, ticket, cancellationToken).ConfigureAwait(false);
        await _messageIds.RememberAsync(request.Draft, incoming, number, cancellationToken).ConfigureAwait(false);
        return new DispatchOutcome(request.Draft.SourceKey, DispatchOutcomeKind.Created, number);
    }

    /// <summary>
    /// The outbox row and history line TicketFactory.Create writes for a receipt (LiteDB), in place of the
    /// "suppressed" line it wrote because it was handed the request without its address; or, with the sender's daily
    /// limit reached (receipts queued since the limit's start, this transaction's own included), the limit's line.
    /// </summary>
    private async Task QueueReceiptAsync(Ticket ticket, string receiptTo, DispatchRequest request, CancellationToken cancellationToken)
    {
        var sourceKey = request.Draft.SourceKey;
        var index = ticket.History.FindLastIndex(e => e.Kind == TicketEventKind.ReceiptSuppressed);
        if (request.ReceiptLimit is { } limit && await QueuedReceiptsAsync(receiptTo, limit.Since, cancellationToken).ConfigureAwait(false) >= limit.MaxPerDay)
        {
            ticket.History[index] = _factory.Event(TicketEventKind.ReceiptSuppressed, limit.Reason, sourceKey);
            PostgreSqlStoreLog.DailyReceiptLimitReached(logger, limit.MaxPerDay, ticket.Number, sourceKey);
            return;
        }

        var message = new OutboxMessage { TicketNumber = ticket.Number, To = receiptTo, CreatedAt = now, NextAttemptAt = now };
        await PostgreSqlOutbox.InsertAsync(db, message, cancellationToken).ConfigureAwait(false);
        _receiptCounts?.Queued(receiptTo, now);
        ticket.History[index] = _factory.Event(TicketEventKind.ReceiptQueued, $"Presa in carico in coda per {receiptTo}", sourceKey);
    }

    private async Task<long> QueuedReceiptsAsync(string address, DateTimeOffset since, CancellationToken cancellationToken) =>
        _receiptCounts is not null && _receiptCounts.TryGet(address, since, out var counted) ? counted : (long)(await Sql.ScalarAsync(db, "SELECT count(*) FROM outbox WHERE to_lower = @to AND created_at >= @since", cancellationToken,
            ("to", address.Trim().ToLowerInvariant()), ("since", since)).ConfigureAwait(false))!;

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
