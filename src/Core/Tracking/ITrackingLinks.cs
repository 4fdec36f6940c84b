namespace ContactCenter.Core.Tracking;

/// <summary>
/// The citizen's link to the tracking page of a ticket, carrying an unguessable token, when the online form is
/// configured. Receipts of every channel include it; without a form there is no link (null).
/// </summary>
public interface ITrackingLinks
{
    /// <summary>The absolute link for this ticket number, or null when tracking is not offered.</summary>
    string? LinkFor(string ticketNumber);
}
