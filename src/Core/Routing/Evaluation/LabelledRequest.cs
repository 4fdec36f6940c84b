using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Routing.Evaluation;

/// <summary>A request with the level and category an operator gave it: one line of a labelled set.</summary>
public sealed class LabelledRequest
{
    public string? Id { get; set; }

    /// <summary>Free text, used as the body when there is no <see cref="Body"/> (e.g. a fax read by OCR).</summary>
    public string? Text { get; set; }
    public string? Subject { get; set; }
    public string? Body { get; set; }
    public string? Sender { get; set; }
    public ChannelKind Channel { get; set; } = ChannelKind.Email;
    public string? ChannelName { get; set; }
    public string? Language { get; set; }
    public string? CategoryHint { get; set; }

    /// <summary>Attachment file names; the content type follows the extension.</summary>
    public List<string> Attachments { get; set; } = [];

    public ServiceLevel ExpectedLevel { get; set; }
    public string ExpectedCategory { get; set; } = "";

    /// <summary>A draft as a normaliser would make it, so the classifier sees what it sees in production.</summary>
    public TicketDraft ToDraft(int index = 0) => new()
    {
        SourceKey = $"labelled:{Id ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ChannelName = ChannelName ?? Channel.ToString().ToLowerInvariant(),
        Channel = Channel,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Sender = new Party { Email = Sender },
        ReplyAddress = Sender,
        Subject = Subject ?? "",
        TextBody = Body ?? Text ?? "",
        Language = Language,
        CategoryHint = CategoryHint,
        Attachments = Attachments.Select(a => new TicketAttachment { FileName = a, ContentType = ContentTypes.ForFileName(a) })
            .ToList(),
    };

    /// <summary>
    /// The tickets an operator corrected (<c>tickets reclassify</c>), as labelled requests, except those whose text is not
    /// the sender's (<see cref="Ticket.TextUnavailable"/>): the level an operator gave a voicemail after hearing it says
    /// nothing about the service's notice that stands for its text.
    /// </summary>
    public static List<LabelledRequest> FromCorrections(IEnumerable<Ticket> tickets) =>
        tickets.Where(t => t.Classification.IsCorrection && t.TextUnavailable is null).Select(FromTicket).ToList();

    /// <summary>A ticket an operator corrected, as a labelled request.</summary>
    private static LabelledRequest FromTicket(Ticket ticket) => new()
    {
        Id = ticket.Number,
        Subject = ticket.Subject,
        Body = ticket.TextBody,
        Sender = ticket.Sender.Email,
        Channel = ticket.Channel,
        ChannelName = ticket.ChannelName,
        Language = ticket.Language,
        CategoryHint = ticket.CategoryHint,
        Attachments = ticket.Attachments.Where(a => !a.IsInline).Select(a => a.FileName).ToList(),
        ExpectedLevel = ticket.Classification.Level,
        ExpectedCategory = ticket.Classification.Category,
    };
}
