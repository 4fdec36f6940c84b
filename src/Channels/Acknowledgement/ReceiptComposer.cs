using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Core.Tracking;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>
/// Builds the "presa in carico" for an outbox row: Italian text (and HTML) from the template files, threaded to the
/// citizen's message and marked as an automatic reply (RFC 3834) so that well-behaved systems do not answer it.
/// </summary>
public sealed class ReceiptComposer
{
    private readonly ReceiptOptions options;
    private readonly ITicketStore store;
    private readonly TimeProvider time;
    private readonly TemplateFileCache templates;
    private readonly MailboxAddress from;
    private readonly TimeZoneInfo zone;
    private readonly ITrackingLinks? trackingLinks;

    internal ReceiptComposer(IOptions<ReceiptOptions> options, ITicketStore store, TimeProvider time, TemplateFileCache templates,
        ITrackingLinks? trackingLinks = null)
    {
        this.trackingLinks = trackingLinks;
        this.options = options.Value;
        this.store = store;
        this.time = time;
        this.templates = templates;
        from = MailboxAddress.Parse(this.options.From);
        zone = TimeZoneInfo.FindSystemTimeZoneById(this.options.TimeZone);
    }

    /// <summary>A new Message-ID in our own domain, to be stored on the outbox row before the first attempt.</summary>
    public string NewMessageId() => MimeUtils.GenerateMessageId(from.Domain);

    /// <summary>The receipt for the row, or null when its ticket no longer exists.</summary>
    public async Task<MimeMessage?> ComposeAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(row.MessageId);
        var ticket = await store.GetAsync(row.TicketNumber, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            return null;
        }

        // The mode the ticket's clock was planned in: the template and hours match the due date the receipt states.
        var mode = ticket.ClockMode ?? await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
        var trackingLink = trackingLinks?.LinkFor(ticket.Number);
        var values = ReceiptPlaceholders.For(ticket, mode, options, zone, trackingLink);
        var emergency = mode == ServiceMode.Emergency;
        var textPath = emergency ? options.EmergencyTemplateText : options.TemplateText;
        var htmlPath = emergency ? options.EmergencyTemplateHtml : options.TemplateHtml;

        var body = new BodyBuilder
        {
            TextBody = TemplateRenderer.Render(await templates.ReadAsync(textPath, cancellationToken).ConfigureAwait(false), values, htmlEncode: false),
        };
        if (!string.IsNullOrWhiteSpace(htmlPath))
        {
            var html = await templates.ReadAsync(htmlPath, cancellationToken).ConfigureAwait(false);
            body.HtmlBody = TemplateRenderer.Render(html, values, htmlEncode: true, ReceiptPlaceholders.HtmlFor(trackingLink));
        }

        var message = new MimeMessage
        {
            Subject = TemplateRenderer.Render(options.SubjectTemplate, values, htmlEncode: false),
            MessageId = row.MessageId,
            Date = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone),
            Body = body.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(RecipientName(ticket, row.To), row.To));
        ReceiptThreading.Apply(message, ticket);
        return message;
    }

    private static string? RecipientName(Ticket ticket, string to) =>
        string.Equals(ticket.Sender.Email, to, StringComparison.OrdinalIgnoreCase) ? ticket.Sender.DisplayName : null;
}
