using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Channels.Tests.Paper;

/// <summary>A content-addressed folder archive on real files, until the store's archive is on main.</summary>
internal sealed class TestContentArchive(string root) : IContentArchive
{
    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        Directory.CreateDirectory(root);
        await File.WriteAllBytesAsync(Path.Combine(root, sha), buffer.ToArray(), cancellationToken);
        return new TicketAttachment { FileName = fileName, ContentType = contentType, Size = buffer.Length, Sha256 = sha };
    }

    public Stream OpenRead(string sha256) => File.OpenRead(Path.Combine(root, sha256));

    public bool Contains(string sha256) => File.Exists(Path.Combine(root, sha256));
}
