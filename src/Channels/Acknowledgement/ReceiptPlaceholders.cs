using System.Globalization;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>The values a receipt template can use, written the Italian way (e.g. "venerdì 11 dicembre 2026").</summary>
internal static class ReceiptPlaceholders
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    /// <param name="trackingLink">The ticket's tracking page when the online form is configured: <c>{{TrackingLink}}</c>, <c>{{TrackingText}}</c>.</param>
    public static IReadOnlyDictionary<string, string> For(Ticket ticket, ServiceMode mode, ReceiptOptions options, TimeZoneInfo zone, string? trackingLink = null)
    {
        var received = TimeZoneInfo.ConvertTime(ticket.ReceivedAt, zone);
        var due = TimeZoneInfo.ConvertTime(ticket.DueAt, zone);
        // "By the end of the day" is stored as the next day's midnight (an emergency's same-day answer): that day it is.
        var dueDay = due.TimeOfDay == TimeSpan.Zero ? due.AddTicks(-1) : due;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TicketNumber"] = ticket.Number,
            ["Subject"] = OneLine(ticket.Subject) is { Length: > 0 } subject ? subject : "(senza oggetto)",
            ["ReceivedAt"] = received.ToString("dddd d MMMM yyyy 'alle ore' HH:mm", Italian),
            ["DueDate"] = dueDay.ToString("dddd d MMMM yyyy", Italian),
            ["Level"] = ticket.Classification.Level == ServiceLevel.Second ? "secondo livello" : "primo livello",
            ["ServiceHours"] = mode == ServiceMode.Emergency ? options.EmergencyServiceHours : options.ServiceHours,
            ["ContactCenterName"] = options.ContactCenterName,
            ["TrackingLink"] = trackingLink ?? "",
            ["TrackingText"] = trackingLink is null ? "" : $"Può seguire lo stato della richiesta a questo indirizzo:\n{trackingLink}\n\n",
        };
    }

    /// <summary>
    /// <c>{{TrackingHtml}}</c> for the HTML template: a paragraph with the link, built here with the URL escaped (the
    /// renderer escapes ordinary values, so markup cannot come from them); empty without the online form.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HtmlFor(string? trackingLink) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["TrackingHtml"] = trackingLink is null ? "" :
                $"<p>Può seguire lo stato della richiesta <a href=\"{TemplateRenderer.HtmlEncode(trackingLink)}\">a questo indirizzo</a>: {TemplateRenderer.HtmlEncode(trackingLink)}</p>",
        };

    // A subject with line breaks would break the receipt's own Subject line and layout.
    private static string OneLine(string? text) =>
        string.Join(' ', (text ?? "").Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
