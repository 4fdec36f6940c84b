using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>What a corpus case's ticket holds, with the archive to read attachments back.</summary>
internal sealed record CorpusTicket(
    string Subject, string TextBody, string? HtmlBody, IReadOnlyList<TicketAttachment> Attachments, TicketAttachment? Original,
    Func<TicketAttachment, byte[]> Read, Party? Sender = null, bool NeedsReview = false, string? ReviewReason = null);
