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

    public DispatchOutcome Dispatch(DispatchRequest request)
    {
        var draft = request.Draft;
        var known = collections.Sources.FindById(draft.SourceKey);
        if (known is not null && known.Outcome != SourceOutcome.Quarantined)
        {
            return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, known.TicketNumber);
        }

        var messageId = MessageIdRecord.Normalize(draft.MessageId);
        var outcome = FindDuplicate(draft, messageId)
            ?? (draft.AutomaticMail != AutomaticMailKind.None ? DispatchAutomatic(draft, messageId)
                : FindTarget(draft) is { } ticket ? FollowUp(ticket, request, messageId)
                : Create(request, messageId));

        collections.Sources.Upsert(new SourceRecord
        {
            Key = draft.SourceKey,
            Outcome = Enum.Parse<SourceOutcome>(outcome.Kind.ToString()),
            TicketNumber = outcome.TicketNumber,
            At = now,
        });

        if (known is not null)
        {
            ResolveQuarantine(draft.SourceKey, outcome.TicketNumber);
        }

        return outcome;
    }

    private DispatchOutcome? FindDuplicate(TicketDraft draft, string? messageId)
    {
        if (messageId is null || collections.MessageIds.FindById(MessageIdRecord.KeyOf(draft.ChannelName, messageId)) is not { } seen)
        {
            return null;
        }

        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.Duplicate, seen.TicketNumber);
    }

    /// <summary>A ticket number of ours in the subject first, then In-Reply-To, then References from the newest.</summary>
    private Ticket? FindTarget(TicketDraft draft)
    {
        if (TicketNumber.TryFind(draft.Subject, prefix, out var number) && collections.FindTicket(number) is { } bySubject)
        {
            return bySubject;
        }

        IEnumerable<string?> references = [draft.InReplyTo, .. Enumerable.Reverse(draft.References)];
        foreach (var reference in references.Select(MessageIdRecord.Normalize).OfType<string>())
        {
            var hit = collections.MessageIds.Find(Query.EQ(nameof(MessageIdRecord.MessageId), reference))
                .FirstOrDefault(r => r.TicketNumber is not null);
            if (hit is not null && collections.FindTicket(hit.TicketNumber!) is { } byReference)
            {
                return byReference;
            }
        }

        return null;
    }

    private DispatchOutcome DispatchAutomatic(TicketDraft draft, string? messageId)
    {
        var ticket = FindTarget(draft);
        if (ticket is null)
        {
            collections.AutoMail.Insert(TicketFactory.AutoMailRecordOf(draft, messageId, now));
            RememberMessageId(draft.ChannelName, messageId, null);
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
        collections.Tickets.Update(ticket);
        RememberMessageId(draft.ChannelName, messageId, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.AutoMailAttached, ticket.Number);
    }

    private DispatchOutcome FollowUp(Ticket ticket, DispatchRequest request, string? messageId)
    {
        var stranger = FollowUpSenderRule.IsStranger(ticket, request.Draft);
        return stranger && request.Draft.FollowUpFromStrangers == FollowUpFromStrangers.NewTicket
            ? CreateLinked(ticket, request, messageId)
            : AppendFollowUp(ticket, request, messageId, stranger);
    }

    private DispatchOutcome CreateLinked(Ticket named, DispatchRequest request, string? messageId)
    {
        var outcome = Create(request, messageId);
        var created = collections.FindTicket(outcome.TicketNumber!)!;
        created.LinkedTicketNumber = named.Number;
        created.History.Add(_factory.Event(
            TicketEventKind.Note, $"Aperta da un seguito di un mittente diverso ({request.Draft.Sender.Email}) alla pratica {named.Number}", request.Draft.SourceKey));
        collections.Tickets.Update(created);
        named.History.Add(_factory.Event(
            TicketEventKind.Note, $"Un mittente diverso ({request.Draft.Sender.Email}) ha scritto su questa pratica: aperta la pratica {created.Number}", request.Draft.SourceKey));
        collections.Tickets.Update(named);
        return outcome;
    }

    private DispatchOutcome AppendFollowUp(Ticket ticket, DispatchRequest request, string? messageId, bool stranger)
    {
        var draft = request.Draft;
        var message = TicketFactory.MessageOf(draft, MessageKind.FollowUp, messageId);
        message.FromDifferentSender = stranger;
        ticket.Messages.Add(message);
        ticket.History.Add(_factory.Event(TicketEventKind.FollowUpAppended, $"Seguito ricevuto da {draft.ChannelName}", draft.SourceKey));
        if (stranger)
        {
            ticket.NeedsReview = true;
            ticket.ReviewReason = FollowUpSenderRule.ReviewReason(ticket, draft);
            ticket.History.Add(_factory.Event(TicketEventKind.FlaggedForReview, ticket.ReviewReason, draft.SourceKey));
        }

        if (ticket.Status == TicketStatus.Closed)
        {
            _factory.Reopen(ticket, request);
            StoreLog.TicketReopened(logger, ticket.Number, draft.SourceKey);
        }

        _factory.FlagForReview(ticket, draft);
        collections.Tickets.Update(ticket);
        RememberMessageId(draft.ChannelName, messageId, ticket.Number);
        return new DispatchOutcome(draft.SourceKey, DispatchOutcomeKind.FollowUpAppended, ticket.Number);
    }

    private DispatchOutcome Create(DispatchRequest request, string? messageId)
    {
        var (number, year, sequence) = _sequence.Next(request.Draft.ReceivedAt);
        var ticket = _factory.Create(request, number, year, sequence, messageId);
        collections.Tickets.Insert(ticket);
        RememberMessageId(request.Draft.ChannelName, messageId, number);
        return new DispatchOutcome(request.Draft.SourceKey, DispatchOutcomeKind.Created, number);
    }

    private void RememberMessageId(string channelName, string? messageId, string? ticketNumber)
    {
        if (messageId is not null)
        {
            collections.MessageIds.Upsert(new MessageIdRecord
            {
                Key = MessageIdRecord.KeyOf(channelName, messageId),
                MessageId = messageId,
                TicketNumber = ticketNumber,
            });
        }
    }

    /// <summary>A quarantined item dispatched again (a retry with the same source key) resolves its quarantine record.</summary>
    private void ResolveQuarantine(string sourceKey, string? ticketNumber)
    {
        var record = collections.Quarantine.FindOne(Query.EQ(nameof(QuarantineRecord.SourceKey), sourceKey));
        if (record is { Status: QuarantineStatus.Pending })
        {
            record.Status = QuarantineStatus.Retried;
            record.ResolvedAt = now;
            record.ResultTicketNumber = ticketNumber;
            collections.Quarantine.Update(record);
        }
    }
}
