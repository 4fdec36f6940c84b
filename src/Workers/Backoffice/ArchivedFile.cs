using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Backoffice;

/// <summary>
/// One archived file (a ticket's original or attachment, a quarantined or held item's original) opened for reading,
/// with what its record says of it. Disposing it closes the content; a remote client's is the HTTP response's stream,
/// which is all that response holds.
/// </summary>
internal sealed class ArchivedFile(TicketAttachment attachment, Stream content) : IAsyncDisposable
{
    public TicketAttachment Attachment { get; } = attachment;

    public Stream Content { get; } = content;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
