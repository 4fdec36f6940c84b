namespace ContactCenter.Workers.Backoffice;

/// <summary>A request named a ticket that does not exist where one must (the ticket a list's next page starts after).</summary>
internal sealed class UnknownTicketException(string number) : IOException($"No ticket {number}.")
{
    public string Number { get; } = number;

    /// <summary>What <c>GET /api/tickets</c> answers (400) for an unknown <c>after</c>, and the remote client knows it by.</summary>
    public static string AfterAnswer(string number) => $"after: no ticket {number}";
}
