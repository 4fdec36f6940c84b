using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// Applies dispatch requests inside the caller's open transaction, one after the other, so a later item of the same
/// batch sees the tickets and Message-IDs of the earlier ones.
/// </summary>
internal sealed class TicketDispatcher(StoreCollections collections, string prefix, DateTimeOffset now, ILogger logger)
{
    private readonly TicketSequence _sequence = new(collections, prefix);
    private readonly TicketFactory _factory = new(collections, now);
    private readonly MessageIdMatcher _matcher = new(collections);

    /// <summary>The <c>sources</c> rows of the batch's keys, read in <see cref="Prepare"/> and kept current as items are dispatched.</summary>
    private Dictionary<string, SourceRecord> _sources = new(StringComparer.Ordinal);

    /// <summary>Reads what the whole batch needs with one query each, before its items are dispatched one by one.</summary>
    public void Prepare(IReadOnlyList<DispatchRequest> batch)
    {
        _sources = StoreBatchQuery.Sources(collections, batch.SelectMany(r => SameItem.Keys(r.Draft)));
        _matcher.Prefetch(batch.Select(r => MessageIdRecord.Normalize(r.Draft.MessageId)).OfType<string>());
        PrepareReceiptCounts(batch);
    }

    private void PrepareReceiptCounts(IReadOnlyList<DispatchRequest> batch)
    {
        var (addresses, since) = BatchReceiptCounts.Wanted(batch);
        if (since is not { } start)
        {
            return;
        }

        var queued = collections.Outbox
            .Find(BsonExpression.Create("LOWER($.To) IN @0 AND $.CreatedAt >= @1", new BsonArray(addresses.Select(a => new BsonValue(a))), StoreBsonMapper.ToBson(start)))
            .GroupBy(m => m.To.ToLowerInvariant())
            .Select(g => (g.Key, g.Count()));
        _factory.ReceiptCounts = new BatchReceiptCounts(start, addresses, queued);
    }

    /// <summary>Writes what the batch keeps in memory while its items are dispatched (the ticket counters).</summary>
    public void Complete() => _sequence.Save();

    public DispatchOutcome Dispatch(DispatchRequest request)
    {
        var draft = request.Draft;
        // Every key of the batch was looked up in Prepare: a key missing there is new (an insert would refuse a duplicate).
        var known = _sources.GetValueOrDefault(draft.SourceKey);
        if (known is not null && known.Outcome is not (SourceOutcome.Quarantined or SourceOutcome.Spam))
        {
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, known.TicketNumber);
        }

        // A key quarantined (or held as spam) before: its quarantine record, read once for both uses below.
        var quarantined = known is null ? null : collections.Quarantine.FindOne(StoreQuery.Eq(nameof(QuarantineRecord.SourceKey), draft.SourceKey));
        if (known is { Outcome: SourceOutcome.Quarantined } && quarantined is { Status: QuarantineStatus.Discarded })
        {
            // An operator discarded it: a retry already in the pipeline when they did must not make a ticket anyway.
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, null);
        }

        var sameItem = draft.SameItemKey is { } itemKey ? _sources.GetValueOrDefault(itemKey) : null;
        var incoming = Identify(draft);
        var outcome = sameItem is not null ? RecordSameOriginal(draft, sameItem)
            : incoming.Repeated is { } repeated ? RecordDuplicate(draft, incoming, repeated)
            : draft.AutomaticMail != AutomaticMailKind.None ? DispatchAutomatic(draft, incoming)
            : FindTarget(draft) is { } ticket ? FollowUp(ticket, request, incoming)
            : Create(request, incoming);
        if (incoming.IsReused)
        {
            NoteReuse(draft, incoming, outcome.TicketNumber);
        }

        var source = new SourceRecord
        {
            Key = draft.SourceKey,
            Outcome = Enum.Parse<SourceOutcome>(outcome.Kind.ToString()),
            TicketNumber = outcome.TicketNumber,
            At = now,
        };
        if (known is null)
        {
            // Looked up in this transaction: a plain insert, where an upsert would look the key up again.
            collections.Sources.Insert(source);
        }
        else
        {
            collections.Sources.Update(source);
        }

        _sources[draft.SourceKey] = source;
        if (sameItem is null && outcome.Kind != DispatchOutcomeKind.Duplicate && draft.SameItemKey is { } newKey)
        {
            var alias = new SourceRecord { Key = newKey, Outcome = source.Outcome, TicketNumber = outcome.TicketNumber, At = now };
            collections.Sources.Upsert(alias);
            _sources[newKey] = alias;
        }

        if (quarantined is not null)
        {
            ResolveQuarantine(quarantined, outcome.TicketNumber);
        }

        return outcome;
    }

    /// <summary>
    /// A Message-ID already seen in this mailbox makes a duplicate only with the same content (see
    /// <see cref="ContentFingerprint"/>); a different message that reuses it goes on as any other item.
    /// </summary>
    private IncomingMessageId Identify(TicketDraft draft)
    {
        var messageId = MessageIdRecord.Normalize(draft.MessageId);
        var fingerprint = ContentFingerprint.Of(draft);
        if (messageId is null)
        {
            return new IncomingMessageId(null, fingerprint, [], null);
        }

        var earlier = _matcher.Rows(draft.ChannelName, messageId);
        return new IncomingMessageId(messageId, fingerprint, earlier, earlier.FirstOrDefault(r => _matcher.Repeats(r, draft, fingerprint)));
    }

    /// <summary>Nothing new is stored, but the ticket it repeats says that (and when) the copy came.</summary>
    private DispatchOutcome RecordDuplicate(TicketDraft draft, IncomingMessageId incoming, MessageIdRecord repeated)
    {
        if (repeated.TicketNumber is not null && collections.FindTicket(repeated.TicketNumber) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.DuplicateReceived, DuplicateNotes.Duplicate(incoming.MessageId!, draft.SourceKey), draft.SourceKey));
            collections.Tickets.Update(ticket);
        }

        DuplicateLog.Duplicate(logger, draft.SourceKey, incoming.MessageId!, repeated.TicketNumber);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, repeated.TicketNumber);
    }

    /// <summary>The same bytes under a new source key (see <see cref="TicketDraft.SameItemKey"/>): a duplicate, noted on its ticket.</summary>
    private DispatchOutcome RecordSameOriginal(TicketDraft draft, SourceRecord earlier)
    {
        if (earlier.TicketNumber is not null && collections.FindTicket(earlier.TicketNumber) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.DuplicateReceived, DuplicateNotes.SameOriginal(draft.SourceKey), draft.SourceKey));
            collections.Tickets.Update(ticket);
        }

        DuplicateLog.SameOriginal(logger, draft.SourceKey, draft.SameItemKey!, earlier.TicketNumber);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, earlier.TicketNumber);
    }

    /// <summary>A reused Message-ID may be a broken mailer or a forgery: both tickets say so, and what differs.</summary>
    private void NoteReuse(TicketDraft draft, IncomingMessageId incoming, string? ticketNumber)
    {
        var first = incoming.Earlier[0];
        var differences = _matcher.FingerprintOf(first, draft.ChannelName) is { } earlier ? incoming.Fingerprint.Differences(earlier) : [];
        var messageId = incoming.MessageId!;
        if (ticketNumber is not null && collections.FindTicket(ticketNumber) is { } ticket)
        {
            ticket.History.Add(_factory.Event(TicketEventKind.MessageIdReused, DuplicateNotes.ReusedByThis(messageId, first.TicketNumber, differences), draft.SourceKey));
            collections.Tickets.Update(ticket);
        }

        if (first.TicketNumber is not null && first.TicketNumber != ticketNumber && collections.FindTicket(first.TicketNumber) is { } earlierTicket)
        {
            earlierTicket.History.Add(_factory.Event(TicketEventKind.MessageIdReused,
                DuplicateNotes.ReusedByOther(messageId, ticketNumber, draft.SourceKey, differences), draft.SourceKey));
            collections.Tickets.Update(earlierTicket);
        }

        DuplicateLog.Reused(logger, draft.SourceKey, messageId, first.TicketNumber, string.Join(", ", differences), ticketNumber);
    }

    /// <summary>
    /// A ticket number of ours in the subject first, then In-Reply-To, then References from the newest; when the two
    /// name different tickets, the sender decides (<see cref="FollowUpTarget"/>).
    /// </summary>
    private Ticket? FindTarget(TicketDraft draft)
    {
        var bySubject = TicketNumber.TryFind(draft.Subject, prefix, out var number) ? collections.FindTicket(number) : null;
        if (bySubject is not null && FollowUpTarget.SubjectSuffices(bySubject, draft))
        {
            return bySubject;
        }

        return FollowUpTarget.Choose(_factory, bySubject, FindReferenced(draft), draft);
    }

    /// <summary>
    /// The ticket the reply headers lead to (<see cref="ReferencedTicket"/>), each ticket read only when needed. Rows of
    /// one ID in the order PostgreSQL reads them: by mailbox, then the first stored first.
    /// </summary>
    private Ticket? FindReferenced(TicketDraft draft)
    {
        var numbers = MessageIdRecord.RepliedTo(draft).SelectMany(reference =>
            collections.MessageIds.Find(StoreQuery.Eq(nameof(MessageIdRecord.MessageId), reference))
                .OrderBy(r => r.Mailbox, StringComparer.Ordinal).ThenBy(r => r.Key.Length).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => r.TicketNumber));
        return ReferencedTicket.Choose(ReferencedTicket.Numbers(numbers).Select(collections.FindTicket).OfType<Ticket>(), draft);
    }

    private DispatchOutcome DispatchAutomatic(TicketDraft draft, IncomingMessageId incoming)
    {
        var ticket = FindTarget(draft);
        if (ticket is null || TicketDocumentSize.WouldExceed(ticket, draft))
        {
            collections.AutoMail.Insert(TicketFactory.AutoMailRecordOf(draft, incoming.MessageId, now));
            RememberMessageId(draft, incoming, null);
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailRecorded, null);
        }

        FollowUpAppender.AttachAutomatic(_factory, ticket, draft, incoming.MessageId);
        collections.Tickets.Update(ticket);
        RememberMessageId(draft, incoming, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailAttached, ticket.Number);
    }

    private DispatchOutcome FollowUp(Ticket ticket, DispatchRequest request, IncomingMessageId incoming)
    {
        var stranger = FollowUpSenderRule.IsStranger(ticket, request.Draft);
        var oversized = TicketDocumentSize.WouldExceed(ticket, request.Draft);
        return oversized || (stranger && request.Draft.FollowUpFromStrangers == FollowUpFromStrangers.NewTicket)
            ? CreateLinked(ticket, request, incoming, oversized)
            : AppendFollowUp(ticket, request, incoming, stranger);
    }

    private DispatchOutcome CreateLinked(Ticket named, DispatchRequest request, IncomingMessageId incoming, bool oversized)
    {
        var outcome = Create(request, incoming);
        var created = collections.FindTicket(outcome.TicketNumber!)!;
        FollowUpAppender.Link(_factory, created, named, request.Draft, oversized);
        collections.Tickets.Update(created);
        collections.Tickets.Update(named);
        return outcome with { LinkedTicketNumber = named.Number };
    }

    private DispatchOutcome AppendFollowUp(Ticket ticket, DispatchRequest request, IncomingMessageId incoming, bool stranger)
    {
        var draft = request.Draft;
        if (FollowUpAppender.Append(_factory, ticket, request, incoming.MessageId, stranger))
        {
            StoreLog.TicketReopened(logger, ticket.Number, draft.SourceKey);
        }

        collections.Tickets.Update(ticket);
        RememberMessageId(draft, incoming, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.FollowUpAppended, ticket.Number);
    }

    private DispatchOutcome Create(DispatchRequest request, IncomingMessageId incoming)
    {
        var (number, year, sequence) = _sequence.Next(request.Draft.ReceivedAt);
        var ticket = _factory.Create(request, number, year, sequence, incoming.MessageId);
        if (request.ReceiptLimit is { } limit && ticket.History.Any(e => e.Kind == TicketEventKind.ReceiptSuppressed && e.Detail == limit.Reason))
        {
            StoreLog.DailyReceiptLimitReached(logger, limit.MaxPerDay, number, request.Draft.SourceKey);
        }

        collections.Tickets.Insert(ticket);
        RememberMessageId(request.Draft, incoming, number);
        return new DispatchOutcome(request.Draft.SourceKey, DispatchOutcomeKind.Created, number);
    }

    private void RememberMessageId(TicketDraft draft, IncomingMessageId incoming, string? ticketNumber)
    {
        if (incoming.MessageId is not null)
        {
            var row = new MessageIdRecord
            {
                Key = incoming.RowKey(draft.ChannelName),
                MessageId = incoming.MessageId,
                TicketNumber = ticketNumber,
                ChannelName = draft.ChannelName,
                Fingerprint = incoming.Fingerprint.ToString(),
                SourceKey = draft.SourceKey,
            };
            if (incoming.Earlier.Count == 0)
            {
                // Every row of this ID was read in this transaction and none is the mailbox's, so the plain key is free: an
                // insert, where an upsert would look it up again. Later rows (rare) keep the upsert.
                collections.MessageIds.Insert(row);
            }
            else
            {
                collections.MessageIds.Upsert(row);
            }

            _matcher.Stored(row);
        }
    }

    /// <summary>A quarantined item dispatched again (a retry with the same source key) resolves its quarantine record.</summary>
    private void ResolveQuarantine(QuarantineRecord record, string? ticketNumber)
    {
        if (record is { Status: QuarantineStatus.Pending })
        {
            record.Status = QuarantineStatus.Retried;
            record.ResolvedAt = now;
            record.ResultTicketNumber = ticketNumber;
            collections.Quarantine.Update(record);
        }
    }
}
