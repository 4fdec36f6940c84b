using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// One archived file (a ticket's original or attachment, a quarantined or held item's original) opened for reading,
/// with what its record says of it. Disposing it closes the content and whatever carries it (the HTTP response of a
/// remote client).
/// </summary>
internal sealed class ArchivedFile(TicketAttachment attachment, Stream content, IDisposable? carrier = null) : IAsyncDisposable
{
    public TicketAttachment Attachment { get; } = attachment;

    public Stream Content { get; } = content;

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        carrier?.Dispose();
    }
}
