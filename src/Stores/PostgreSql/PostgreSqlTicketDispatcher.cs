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
/// by Core's TicketFactory, so both stores write the same documents. The round trips are per batch, not per item:
/// <see cref="PrepareAsync"/> reads what the batch's decisions need and locks the year's counter in one
/// (<see cref="DispatchBatchReads"/>, <see cref="BatchTicketNumbers"/>), and <see cref="CommitAsync"/> writes every row
/// and commits in one more; the batch's own rows are kept in memory meanwhile, so its later items see
/// its earlier ones. Rows a racing node could also write (source key, Message-ID) are plain INSERTs: the loser gets a
/// unique violation and its whole batch runs again, where it then finds the winner's rows and reports Duplicate.
/// </summary>
internal sealed class PostgreSqlTicketDispatcher
{
    // TicketFactory reaches the LiteDB collections only to queue a receipt; CreateAsync queues it here instead.
    private readonly TicketFactory _factory;
    private readonly NpgsqlConnection _db;
    private readonly string _prefix;
    private readonly DateTimeOffset _now;
    private readonly ILogger _logger;
    private readonly BatchTicketNumbers _numbers;
    private readonly BatchTickets _tickets;
    private readonly BatchWrites _writes;
    private DispatchBatchReads _reads = null!;
    private MessageIdMatch _messageIds = null!;

    public PostgreSqlTicketDispatcher(NpgsqlConnection db, string prefix, DateTimeOffset now, ILogger logger)
    {
        (_db, _prefix, _now, _logger) = (db, prefix, now, logger);
        _factory = new(null!, now);
        _numbers = new BatchTicketNumbers(db, prefix);
        _tickets = new BatchTickets(db);
        _writes = new BatchWrites(db, _numbers, _tickets);
    }

    /// <summary>
    /// Reads the batch's source keys, Message-IDs and receipt counts, checks its pending blobs written through (those
    /// held in memory are queued to be written first), and locks its years' counters and the tickets its items name
    /// (those named in a subject in the same round trip); must run before the first <see cref="DispatchAsync"/>.
    /// </summary>
    /// <returns>The pending blobs the batch makes durable once it commits.</returns>
    public async Task<IReadOnlyList<string>> PrepareAsync(IReadOnlyList<DispatchRequest> batch, PendingBlobs? pending, CancellationToken cancellationToken)
    {
        // The counters before the tickets, as every batch (which serialises batches before they lock any ticket).
        var bySubject = batch.Select(r => TicketNumber.TryFind(r.Draft.Subject, _prefix, out var number) ? number : null).OfType<string>();
        _reads = await DispatchBatchReads.ReadAsync(_db, batch, pending,
            [_numbers.Lock(batch.Select(r => r.Draft.ReceivedAt)), _tickets.Lock(bySubject)], cancellationToken).ConfigureAwait(false);
        _writes.AddBlobs(_reads.BlobInserts);
        _messageIds = new MessageIdMatch(_db, _reads.MessageIds, _tickets, _writes);
        // Those the references lead to (usually the ones the subjects named, locked above already).
        await _tickets.PreloadAsync(_reads.NamedTickets(batch, _prefix), cancellationToken).ConfigureAwait(false);
        return _reads.MadeDurable;
    }

    /// <summary>Queues a row the batch writes with its own (webhook deliveries).</summary>
    public void Queue(NpgsqlBatchCommand command) => _writes.Add(command);

    /// <summary>Writes the batch's rows and commits the transaction with them, in one round trip.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => _writes.FlushAsync(cancellationToken, commit: true);

    public async Task<DispatchOutcome> DispatchAsync(DispatchRequest request, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        var known = _reads.Source(draft.SourceKey);
        if (known is { } k && k.Outcome is not (nameof(SourceOutcome.Quarantined) or nameof(SourceOutcome.Spam)))
        {
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, k.Ticket);
        }

        // A key quarantined (or held as spam) before: its quarantine record, read and locked once for both uses below.
        var quarantined = known is null ? null : await FindQuarantineAsync(draft.SourceKey, cancellationToken).ConfigureAwait(false);
        if (known is { Outcome: nameof(SourceOutcome.Quarantined) } && quarantined is { Status: QuarantineStatus.Discarded })
        {
            // An operator discarded it: a retry already in the pipeline when they did must not make a ticket anyway.
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, null);
        }

        var sameItem = draft.SameItemKey is { } itemKey ? _reads.Source(itemKey) : null;
        var incoming = await _messageIds.IdentifyAsync(draft, cancellationToken).ConfigureAwait(false);
        var outcome = sameItem is { } same ? await RecordSameOriginalAsync(draft, same.Ticket, cancellationToken).ConfigureAwait(false)
            : incoming.Repeated is { } repeated ? await RecordDuplicateAsync(draft, incoming, repeated, cancellationToken).ConfigureAwait(false)
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
        _writes.Add(sql, ("k", draft.SourceKey), ("o", outcome.Kind.ToString()), ("t", outcome.TicketNumber), ("at", _now));
        _reads.Dispatched(draft.SourceKey, outcome.Kind.ToString(), outcome.TicketNumber);
        if (sameItem is null && outcome.Kind != DispatchOutcomeKind.Duplicate && draft.SameItemKey is { } newKey)
        {
            // A plain INSERT like the item's own key: a node racing with the same bytes loses and runs its batch again.
            _writes.Add("INSERT INTO sources (key, outcome, ticket_number, at) VALUES (@k, @o, @t, @at)",
                ("k", newKey), ("o", outcome.Kind.ToString()), ("t", outcome.TicketNumber), ("at", _now));
            _reads.Dispatched(newKey, outcome.Kind.ToString(), outcome.TicketNumber);
        }

        if (quarantined is not null)
        {
            await ResolveQuarantineAsync(quarantined, outcome.TicketNumber, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>The same bytes under a new source key (see <see cref="TicketDraft.SameItemKey"/>): a duplicate, noted on its ticket.</summary>
    private async Task<DispatchOutcome> RecordSameOriginalAsync(TicketDraft draft, string? ticketNumber, CancellationToken cancellationToken)
    {
        if (ticketNumber is not null && await _tickets.FindForUpdateAsync(ticketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.DuplicateReceived, DuplicateNotes.SameOriginal(draft.SourceKey), draft.SourceKey));
            _tickets.Changed(ticket);
        }

        DuplicateLog.SameOriginal(_logger, draft.SourceKey, draft.SameItemKey!, ticketNumber);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, ticketNumber);
    }

    /// <summary>Nothing new is stored, but the ticket it repeats says that (and when) the copy came.</summary>
    private async Task<DispatchOutcome> RecordDuplicateAsync(TicketDraft draft, IncomingMessage incoming, MessageIdRow repeated, CancellationToken cancellationToken)
    {
        if (repeated.TicketNumber is not null && await _tickets.FindForUpdateAsync(repeated.TicketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.DuplicateReceived, DuplicateNotes.Duplicate(incoming.MessageId!, draft.SourceKey), draft.SourceKey));
            _tickets.Changed(ticket);
        }

        DuplicateLog.Duplicate(_logger, draft.SourceKey, incoming.MessageId!, repeated.TicketNumber);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, repeated.TicketNumber);
    }

    /// <summary>A reused Message-ID may be a broken mailer or a forgery: both tickets say so, and what differs.</summary>
    private async Task NoteReuseAsync(TicketDraft draft, IncomingMessage incoming, string? ticketNumber, CancellationToken cancellationToken)
    {
        var first = incoming.Earlier[0];
        var differences = await _messageIds.FingerprintOfAsync(first, draft.ChannelName, cancellationToken).ConfigureAwait(false) is { } earlier
            ? incoming.Fingerprint.Differences(earlier) : [];
        var messageId = incoming.MessageId!;
        if (ticketNumber is not null && await _tickets.FindForUpdateAsync(ticketNumber, cancellationToken).ConfigureAwait(false) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.MessageIdReused, DuplicateNotes.ReusedByThis(messageId, first.TicketNumber, differences), draft.SourceKey));
            _tickets.Changed(ticket);
        }

        if (first.TicketNumber is not null && first.TicketNumber != ticketNumber
            && await _tickets.FindForUpdateAsync(first.TicketNumber, cancellationToken).ConfigureAwait(false) is { } earlierTicket)
        {
            earlierTicket.History.Add(_factory.Event(TicketEventKind.MessageIdReused,
                DuplicateNotes.ReusedByOther(messageId, ticketNumber, draft.SourceKey, differences), draft.SourceKey));
            _tickets.Changed(earlierTicket);
        }

        DuplicateLog.Reused(_logger, draft.SourceKey, messageId, first.TicketNumber, string.Join(", ", differences), ticketNumber);
    }

    /// <summary>The subject's ticket number first, then the reply headers; when they disagree, <see cref="FollowUpTarget"/>.</summary>
    private async Task<Ticket?> FindTargetAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var bySubject = TicketNumber.TryFind(draft.Subject, _prefix, out var number)
            ? await _tickets.FindForUpdateAsync(number, cancellationToken).ConfigureAwait(false)
            : null;
        if (bySubject is not null && FollowUpTarget.SubjectSuffices(bySubject, draft))
        {
            return bySubject;
        }

        return FollowUpTarget.Choose(_factory, bySubject, await FindReferencedAsync(draft, cancellationToken).ConfigureAwait(false), draft);
    }

    /// <summary>The ticket the reply headers lead to (<see cref="ReferencedTicket"/>); only the chosen one is locked.</summary>
    private async Task<Ticket?> FindReferencedAsync(TicketDraft draft, CancellationToken cancellationToken)
    {
        var candidates = new List<Ticket>();
        foreach (var number in ReferencedTicket.Numbers(MessageIdRecord.RepliedTo(draft).SelectMany(_reads.MessageIds.Tickets)))
        {
            if (await _tickets.FindAsync(number, cancellationToken).ConfigureAwait(false) is { } ticket)
            {
                candidates.Add(ticket);
            }
        }

        return ReferencedTicket.Choose(candidates, draft) is { } chosen
            ? await _tickets.FindForUpdateAsync(chosen.Number, cancellationToken).ConfigureAwait(false)
            : null;
    }

    private async Task<DispatchOutcome> DispatchAutomaticAsync(TicketDraft draft, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var ticket = await FindTargetAsync(draft, cancellationToken).ConfigureAwait(false);
        if (ticket is null || TicketDocumentSize.WouldExceed(ticket, draft))
        {
            _writes.Add("INSERT INTO auto_mail (at, source_key, doc) VALUES (@at, @k, @doc)",
                ("at", _now), ("k", draft.SourceKey), ("doc", StoreJson.Serialize(TicketFactory.AutoMailRecordOf(draft, incoming.MessageId, _now))));
            _messageIds.Remember(draft, incoming, null);
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailRecorded, null);
        }

        FollowUpAppender.AttachAutomatic(_factory, ticket, draft, incoming.MessageId);
        _tickets.Changed(ticket);
        _messageIds.Remember(draft, incoming, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailAttached, ticket.Number);
    }

    /// <summary>A follow-up from someone the ticket does not know: appended and flagged, or a new linked ticket (draft.FollowUpFromStrangers).</summary>
    private async Task<DispatchOutcome> FollowUpAsync(Ticket ticket, DispatchRequest request, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var stranger = FollowUpSenderRule.IsStranger(ticket, request.Draft);
        var oversized = TicketDocumentSize.WouldExceed(ticket, request.Draft);
        return oversized || (stranger && request.Draft.FollowUpFromStrangers == FollowUpFromStrangers.NewTicket)
            ? await CreateLinkedAsync(ticket, request, incoming, oversized, cancellationToken).ConfigureAwait(false)
            : await AppendFollowUpAsync(ticket, request, incoming, stranger, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DispatchOutcome> CreateLinkedAsync(Ticket named, DispatchRequest request, IncomingMessage incoming, bool oversized, CancellationToken cancellationToken)
    {
        var outcome = await CreateAsync(request, incoming, cancellationToken).ConfigureAwait(false);
        var created = (await _tickets.FindForUpdateAsync(outcome.TicketNumber!, cancellationToken).ConfigureAwait(false))!;
        FollowUpAppender.Link(_factory, created, named, request.Draft, oversized);
        _tickets.Changed(created);
        _tickets.Changed(named);
        return outcome with { LinkedTicketNumber = named.Number };
    }

    private async Task<DispatchOutcome> AppendFollowUpAsync(Ticket ticket, DispatchRequest request, IncomingMessage incoming, bool stranger, CancellationToken cancellationToken)
    {
        var draft = request.Draft;
        if (FollowUpAppender.Append(_factory, ticket, request, incoming.MessageId, stranger))
        {
            PostgreSqlStoreLog.TicketReopened(_logger, ticket.Number, draft.SourceKey);
        }

        _tickets.Changed(ticket);
        _messageIds.Remember(draft, incoming, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.FollowUpAppended, ticket.Number);
    }

    private async Task<DispatchOutcome> CreateAsync(DispatchRequest request, IncomingMessage incoming, CancellationToken cancellationToken)
    {
        var (number, year, sequence) = await _numbers.NextAsync(request.Draft.ReceivedAt, cancellationToken).ConfigureAwait(false);
        var receiptTo = request.ReceiptTo;
        var ticket = _factory.Create(WithoutReceipt(request), number, year, sequence, incoming.MessageId);
        if (!string.IsNullOrWhiteSpace(receiptTo))
        {
            await QueueReceiptAsync(ticket, receiptTo, request, cancellationToken).ConfigureAwait(false);
        }

        _tickets.Created(ticket);
        _messageIds.Remember(request.Draft, incoming, number);
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
            PostgreSqlStoreLog.DailyReceiptLimitReached(_logger, limit.MaxPerDay, ticket.Number, sourceKey);
            return;
        }

        var message = new OutboxMessage { TicketNumber = ticket.Number, To = receiptTo, CreatedAt = _now, NextAttemptAt = _now };
        _writes.Add(PostgreSqlOutbox.InsertCommand(message));
        _reads.ReceiptCounts?.Queued(receiptTo, _now);
        ticket.History[index] = _factory.Event(TicketEventKind.ReceiptQueued, $"Presa in carico in coda per {receiptTo}", sourceKey);
    }

    private async Task<long> QueuedReceiptsAsync(string address, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (_reads.ReceiptCounts is { } counts && counts.TryGet(address, since, out var counted))
        {
            return counted;
        }

        await _writes.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (long)(await Sql.ScalarAsync(_db, "SELECT count(*) FROM outbox WHERE to_lower = @to AND created_at >= @since", cancellationToken,
            ("to", address.Trim().ToLowerInvariant()), ("since", since)).ConfigureAwait(false))!;
    }

    /// <summary>
    /// Locks the record until the batch commits: a discard racing this dispatch waits, then finds it Retried (its
    /// UPDATE tests the status again) instead of overwriting it.
    /// </summary>
    private async Task<QuarantineRecord?> FindQuarantineAsync(string sourceKey, CancellationToken cancellationToken) =>
        await Sql.ListAsync(_db, "SELECT id, doc::text FROM quarantine WHERE source_key = @k FOR UPDATE",
            PostgreSqlQuarantine.Read, cancellationToken, ("k", sourceKey)).ConfigureAwait(false) is [var record] ? record : null;

    /// <summary>A quarantined item dispatched again (a retry with the same source key) resolves its quarantine record.</summary>
    private async Task ResolveQuarantineAsync(QuarantineRecord record, string? ticketNumber, CancellationToken cancellationToken)
    {
        if (record.Status == QuarantineStatus.Pending)
        {
            record.Status = QuarantineStatus.Retried;
            record.ResolvedAt = _now;
            record.ResultTicketNumber = ticketNumber;
            await PostgreSqlQuarantine.UpdateAsync(_db, record, cancellationToken).ConfigureAwait(false);
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
