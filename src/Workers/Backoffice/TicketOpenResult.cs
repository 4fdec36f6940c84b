using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <param name="AlreadyRegistered">True when the request id had already opened the ticket (a retry): nothing new was stored.</param>
internal sealed record TicketOpenResult(BackofficeOutcome Outcome, string Message, string? RequestId = null, bool AlreadyRegistered = false,
    Ticket? Ticket = null);
