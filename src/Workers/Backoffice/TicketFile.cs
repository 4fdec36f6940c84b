using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// One file of a ticket (an original or an attachment) opened for reading, with what the ticket records of it.
/// Disposing it closes the content and whatever carries it (the HTTP response of a remote client).
/// </summary>
internal sealed class TicketFile(TicketAttachment attachment, Stream content, IDisposable? carrier = null) : IAsyncDisposable
{
    public TicketAttachment Attachment { get; } = attachment;

    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        carrier?.Dispose();
    }
}
