using System.Collections.Concurrent;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>An archive that counts how often each file is opened for reading.</summary>
internal sealed class OpenCountingArchive(IContentArchive inner) : IContentArchive
{
    private readonly ConcurrentDictionary<string, int> _opens = new(StringComparer.OrdinalIgnoreCase);

    public int Opens(string sha256) => _opens.GetValueOrDefault(sha256);

    public Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken) =>
        inner.StoreAsync(content, fileName, contentType, cancellationToken);

    public Stream OpenRead(string sha256)
    {
        _opens.AddOrUpdate(sha256, 1, (_, n) => n + 1);
        return inner.OpenRead(sha256);
    }

    public bool Contains(string sha256) => inner.Contains(sha256);
}
