namespace ContactCenter.Workers.Backoffice;

/// <summary>A request named a ticket that does not exist where one must (the ticket a list's next page starts after).</summary>
internal sealed class UnknownTicketException(string number) : IOException($"No ticket {number}.")
{
    public string Number { get; } = number;
}
