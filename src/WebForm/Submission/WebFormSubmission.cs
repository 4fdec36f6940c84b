using ContactCenter.Core.Tickets;

namespace ContactCenter.WebForm.Submission;

/// <summary>
/// One validated submission, as archived: the ticket's original is this record in JSON (<c>modulo.json</c>), and
/// its attachments are already in the content archive under their sha256. A quarantine retry reads it back.
/// </summary>
internal sealed class WebFormSubmission
{
    /// <summary>The form's idempotency token: the same token is the same request, however often it is sent.</summary>
    public required string Token { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string FirstName { get; init; }

    public required string LastName { get; init; }

    public required string Email { get; init; }

    public string? Phone { get; init; }

    public string? FiscalCode { get; init; }

    public required string Subject { get; init; }

    public required string Text { get; init; }

    public required string Topic { get; init; }

    /// <summary>When the citizen ticked the consent box of the privacy notice (GDPR art. 13) and which notice it was.</summary>
    public required DateTimeOffset ConsentAt { get; init; }

    public required string PrivacyNoticeVersion { get; init; }

    /// <summary>Form, or Api for a site that keeps its own form.</summary>
    public required string Via { get; init; }

    public List<TicketAttachment> Attachments { get; init; } = [];
}
