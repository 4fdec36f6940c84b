using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Content-addressed archive of originals and attachments (<c>{root}/ab/cd/{sha256}</c>). A stored blob is complete
/// under its name when <see cref="StoreAsync"/> returns; it is durable once the store's next
/// <see cref="ITicketStore.DispatchAsync"/> or <see cref="ITicketStore.QuarantineAsync"/> has returned (they flush the
/// archive before committing), so a ticket never refers to a blob a crash could lose.
/// </summary>
public interface IContentArchive
{
    Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken);

    Stream OpenRead(string sha256);

    bool Contains(string sha256);
}
