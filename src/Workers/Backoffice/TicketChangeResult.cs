using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

internal sealed record TicketChangeResult(BackofficeOutcome Outcome, string Message, Ticket? Ticket = null);
