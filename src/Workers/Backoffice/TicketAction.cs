namespace ContactCenter.Workers.Backoffice;

/// <summary>The backoffice acts on a ticket (<c>POST /api/tickets/{number}/{action}</c>).</summary>
internal enum TicketAction
{
    Close,
    Reopen,
    Reclassify,
    Suspend,
    Resume,

    /// <summary>An operator has looked at a ticket flagged for review (heard the voicemail, read the scan): the flag goes.</summary>
    Reviewed,
}
