namespace ContactCenter.Workers.Backoffice;

/// <summary>The backoffice acts on a ticket (<c>POST /api/tickets/{number}/{action}</c>).</summary>
internal enum TicketAction
{
    Close,
    Reopen,
    Reclassify,
    Suspend,
    Resume,
}
