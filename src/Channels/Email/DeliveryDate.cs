using MimeKit;
using MimeKit.Utils;

namespace ContactCenter.Channels.Email;

/// <summary>
/// When a message reached the mailbox, for sources without an INTERNALDATE (POP3): the date of the topmost
/// Received header (added by the last hop), else the Date header.
/// </summary>
internal static class DeliveryDate
{
    public static DateTimeOffset? From(HeaderList headers)
    {
        var received = headers.FirstOrDefault(h => h.Id == HeaderId.Received)?.Value;
        var semicolon = received?.LastIndexOf(';') ?? -1;
        if (semicolon >= 0 && DateUtils.TryParse(received![(semicolon + 1)..].Trim(), out var delivered))
        {
            return delivered;
        }

        var date = headers[HeaderId.Date];
        return date is not null && DateUtils.TryParse(date, out var sent) ? sent : null;
    }

    public static async Task<DateTimeOffset?> ReadAsync(Stream message, CancellationToken cancellationToken)
    {
        try
        {
            var headers = await HeaderList.LoadAsync(message, cancellationToken).ConfigureAwait(false);
            return From(headers);
        }
        catch (FormatException)
        {
            // Unparseable headers are the normaliser's business (quarantine); here they just have no date.
            return null;
        }
    }
}
