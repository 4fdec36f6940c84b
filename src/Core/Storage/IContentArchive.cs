using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Storage;

/// <summary>
/// Content-addressed archive of originals and attachments (<c>{root}/ab/cd/{sha256}</c>). A stored blob is complete
/// under its name, for this archive's readers, when <see cref="StoreAsync"/> returns; it is durable once a store write
/// that refers to it (<see cref="ITicketStore.DispatchAsync"/>, <see cref="ITicketStore.QuarantineAsync"/>,
/// <see cref="ITicketStore.HoldSpamAsync"/>) has returned (the files are flushed before that commit, or the PostgreSQL
/// store writes the bytes it holds in that transaction), so a ticket never refers to a blob a crash could lose.
/// </summary>
public interface IContentArchive
{
    Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken);

    Stream OpenRead(string sha256);

    bool Contains(string sha256);
}
