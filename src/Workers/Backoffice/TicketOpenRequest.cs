namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// The body of <c>POST /api/tickets</c> (and <c>tickets open</c>): a request that reached the contact center outside
/// the polled channels, today a phone call an operator could not answer at once.
/// </summary>
internal sealed record TicketOpenRequest
{
    /// <summary>Only <c>phone</c> for now.</summary>
    public string Channel { get; init; } = "phone";

    /// <summary>Names the request: sending it again (a retry after a lost answer) finds the ticket it opened.</summary>
    public string? RequestId { get; init; }

    public string? Caller { get; init; }

    public string? Name { get; init; }

    public string? Email { get; init; }

    public string? Subject { get; init; }

    public string? Text { get; init; }

    /// <summary>Who took the call, recorded in the history (e.g. <c>cli:mrossi</c>, <c>backoffice:anna</c>).</summary>
    public string? Operator { get; init; }
}
