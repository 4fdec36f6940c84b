using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// What a follow-up does to its ticket, whichever store holds it: one place for the texts and flags, so the LiteDB and
/// PostgreSQL dispatchers cannot drift apart (the stores differ only in how they read and write the rows).
/// </summary>
internal static class FollowUpAppender
{
    /// <summary>
    /// Appends the follow-up (marked and flagged for review when it comes from a stranger), reopens a closed ticket and
    /// applies the draft's own review flag. True when the ticket was reopened, for the store's log.
    /// </summary>
    public static bool Append(TicketFactory factory, Ticket ticket, DispatchRequest request, string? messageId, bool stranger)
    {
        var draft = request.Draft;
        var message = TicketFactory.MessageOf(draft, MessageKind.FollowUp, messageId);
        message.FromDifferentSender = stranger;
        ticket.Messages.Add(message);
        ticket.History.Add(factory.Event(TicketEventKind.FollowUpAppended, $"Seguito ricevuto da {draft.ChannelName}", draft.SourceKey));
        if (stranger)
        {
            ticket.NeedsReview = true;
            ticket.ReviewReason = FollowUpSenderRule.ReviewReason(ticket, draft);
            ticket.History.Add(factory.Event(TicketEventKind.FlaggedForReview, ticket.ReviewReason, draft.SourceKey));
        }

        var reopen = ticket.Status == TicketStatus.Closed;
        if (reopen)
        {
            factory.Reopen(ticket, request);
        }

        factory.FlagForReview(ticket, draft);
        return reopen;
    }

    /// <summary>
    /// Attaches an automatic mail (auto-reply, bounce, the office's own mail) to the ticket it refers to: the message
    /// with its kind, the outgoing-reply flag for own mail, and the history line.
    /// </summary>
    public static void AttachAutomatic(TicketFactory factory, Ticket ticket, TicketDraft draft, string? messageId)
    {
        var kind = draft.AutomaticMail switch
        {
            AutomaticMailKind.Bounce => MessageKind.Bounce,
            AutomaticMailKind.OwnAddress => MessageKind.OwnMail,
            _ => MessageKind.AutoReply,
        };
        ticket.Messages.Add(TicketFactory.MessageOf(draft, kind, messageId));
        ticket.HasOutgoingReply |= kind == MessageKind.OwnMail;
        ticket.History.Add(factory.Event(TicketEventKind.AutoMailAttached, $"{draft.AutomaticMail}: {draft.AutomaticMailReason}", draft.SourceKey));
    }

    /// <summary>
    /// Links the ticket a follow-up opened to the ticket it named, with a note on both: a stranger's follow-up, or one
    /// too large for its ticket (<paramref name="oversized"/>, see <see cref="TicketDocumentSize"/>).
    /// </summary>
    public static void Link(TicketFactory factory, Ticket created, Ticket named, TicketDraft draft, bool oversized)
    {
        created.LinkedTicketNumber = named.Number;
        if (oversized)
        {
            created.History.Add(factory.Event(TicketEventKind.Note,
                $"Seguito della pratica {named.Number} registrato come pratica a sé: la pratica non ha più spazio per il suo testo", draft.SourceKey));
            named.History.Add(factory.Event(TicketEventKind.Note,
                $"Un seguito troppo lungo per questa pratica è stato registrato come pratica {created.Number}", draft.SourceKey));
            return;
        }

        var form = draft.Channel == ChannelKind.WebForm;
        created.History.Add(factory.Event(TicketEventKind.Note, form
            ? $"Aperta da un modulo web che cita la pratica {named.Number} (l'indirizzo {draft.Sender.Email} non è verificato)"
            : $"Aperta da un seguito di un mittente diverso ({draft.Sender.Email}) alla pratica {named.Number}", draft.SourceKey));
        named.History.Add(factory.Event(TicketEventKind.Note, form
            ? $"Un modulo web ({draft.Sender.Email}) cita questa pratica: aperta la pratica {created.Number}"
            : $"Un mittente diverso ({draft.Sender.Email}) ha scritto su questa pratica: aperta la pratica {created.Number}", draft.SourceKey));
    }
}
