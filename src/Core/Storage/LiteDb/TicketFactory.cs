using System.Globalization;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>Builds tickets, messages and history events from drafts; history details are in Italian for the backoffice.</summary>
internal sealed class TicketFactory(StoreCollections collections, DateTimeOffset now)
{
    /// <summary>The batch's receipt counts, read once (see <see cref="BatchReceiptCounts"/>); without them each ticket counts.</summary>
    public BatchReceiptCounts? ReceiptCounts { get; set; }

    public Ticket Create(DispatchRequest request, string number, int year, int sequence, string? messageId)
    {
        var draft = request.Draft;
        var c = request.Classification;
        var ticket = new Ticket
        {
            Number = number,
            Year = year,
            Sequence = sequence,
            Channel = draft.Channel,
            ChannelName = draft.ChannelName,
            ReceivedAt = draft.ReceivedAt,
            Sender = draft.Sender,
            Subject = draft.Subject,
            TextBody = draft.TextBody,
            HtmlBody = draft.HtmlBody,
            Language = draft.Language,
            Attachments = [.. draft.Attachments],
            SourceKey = draft.SourceKey,
            MessageId = messageId,
            Classification = c,
            CategoryHint = draft.CategoryHint,
            Metadata = new Dictionary<string, string>(draft.Metadata, StringComparer.Ordinal),
            ClockStartedAt = request.ClockStartedAt,
            DueAt = request.DueAt,
            ClockMode = request.Mode,
            OcrConfidence = draft.OcrConfidence,
            TextUnavailable = draft.TextUnavailable,
            Messages = [MessageOf(draft, MessageKind.Original, messageId)],
        };

        var received = Event(TicketEventKind.Received, $"Ricevuto da {draft.ChannelName}: livello {(int)c.Level}, categoria {c.Category} (regola {c.RuleName})", draft.SourceKey);
        received.At = draft.ReceivedAt;
        received.Actor = draft.RegisteredBy ?? received.Actor;
        ticket.History.Add(received);

        if (string.IsNullOrWhiteSpace(request.ReceiptTo))
        {
            ticket.History.Add(Event(TicketEventKind.ReceiptSuppressed, request.ReceiptSuppressedReason ?? "Nessun indirizzo per la presa in carico", draft.SourceKey));
        }
        else if (request.ReceiptLimit is { } limit && QueuedReceipts(request.ReceiptTo, limit.Since) >= limit.MaxPerDay)
        {
            ticket.History.Add(Event(TicketEventKind.ReceiptSuppressed, limit.Reason, draft.SourceKey));
        }
        else
        {
            collections.Outbox.Insert(new OutboxMessage { TicketNumber = number, To = request.ReceiptTo, CreatedAt = now, NextAttemptAt = now });
            ReceiptCounts?.Queued(request.ReceiptTo, now);
            ticket.History.Add(Event(TicketEventKind.ReceiptQueued, $"Presa in carico in coda per {request.ReceiptTo}", draft.SourceKey));
        }

        FlagForReview(ticket, draft);
        return ticket;
    }

    /// <summary>Receipts queued to the address since a moment, this transaction's own included (LiteDB reads its own writes).</summary>
    private int QueuedReceipts(string address, DateTimeOffset since) =>
        ReceiptCounts is not null && ReceiptCounts.TryGet(address, since, out var counted) ? counted : collections.Outbox.Count("LOWER($.To) = @0 AND $.CreatedAt >= @1", address.Trim().ToLowerInvariant(), StoreBsonMapper.ToBson(since));

    /// <summary>
    /// A follow-up on a closed ticket reopens it, and the new message starts a new answer clock at the ticket's level
    /// (the follow-up's own classification does not change the ticket's).
    /// </summary>
    public void Reopen(Ticket ticket, DispatchRequest request)
    {
        ticket.Status = TicketStatus.Open;
        ticket.ClosedAt = null;
        ticket.ReopenedAt = request.Draft.ReceivedAt;
        ticket.History.Add(Event(TicketEventKind.Reopened, "Riaperto da un seguito", request.Draft.SourceKey));
        var plan = request.PlanFor(ticket.Classification.Level);
        (ticket.ClockMode, ticket.ClockChannel) = (request.Mode, request.Draft.Channel == ticket.Channel ? null : request.Draft.Channel);
        ticket.ClockStartedAt = plan.ClockStartedAt;
        if (ticket.DueAt != plan.DueAt)
        {
            ticket.DueAt = plan.DueAt;
            ticket.History.Add(Event(TicketEventKind.DueDateChanged, string.Create(CultureInfo.InvariantCulture, $"Nuova scadenza {plan.DueAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC"), request.Draft.SourceKey));
        }
    }

    public void FlagForReview(Ticket ticket, TicketDraft draft)
    {
        if (draft.NeedsReview)
        {
            ticket.NeedsReview = true;
            ticket.ReviewReason = draft.ReviewReason;
            ticket.History.Add(Event(TicketEventKind.FlaggedForReview, draft.ReviewReason ?? "Da verificare", draft.SourceKey));
        }
    }

    public TicketEvent Event(TicketEventKind kind, string detail, string? sourceKey) =>
        new() { At = now, Kind = kind, Detail = detail, SourceKey = sourceKey };

    public static TicketMessage MessageOf(TicketDraft draft, MessageKind kind, string? messageId) => new()
    {
        Kind = kind,
        SourceKey = draft.SourceKey,
        ChannelName = draft.ChannelName,
        Channel = draft.Channel,
        ReceivedAt = draft.ReceivedAt,
        From = draft.Sender,
        Subject = draft.Subject,
        TextBody = draft.TextBody,
        HtmlBody = draft.HtmlBody,
        MessageId = messageId,
        InReplyTo = MessageIdRecord.Normalize(draft.InReplyTo),
        References = [.. draft.References],
        Attachments = [.. draft.Attachments],
        Original = draft.Original,
        OcrConfidence = draft.OcrConfidence,
        Metadata = new Dictionary<string, string>(draft.Metadata, StringComparer.Ordinal),
    };

    public static AutoMailRecord AutoMailRecordOf(TicketDraft draft, string? messageId, DateTimeOffset now) => new()
    {
        At = now,
        SourceKey = draft.SourceKey,
        ChannelName = draft.ChannelName,
        Channel = draft.Channel,
        Kind = draft.AutomaticMail,
        Reason = draft.AutomaticMailReason,
        From = draft.Sender,
        Subject = draft.Subject,
        MessageId = messageId,
        InReplyTo = MessageIdRecord.Normalize(draft.InReplyTo),
        Original = draft.Original,
    };
}
