using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Content-addressed archive of originals and attachments (<c>{root}/ab/cd/{sha256}</c>). A stored blob is durable
/// (flushed to disk) when <see cref="StoreAsync"/> returns, so the ticket that refers to it may be committed.
/// </summary>
public interface IContentArchive
{
    Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken);

    Stream OpenRead(string sha256);

    bool Contains(string sha256);
}
