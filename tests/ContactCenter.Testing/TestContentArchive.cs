using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Testing;

/// <summary>
/// A minimal content-addressed archive on real files (<c>{root}/ab/cd/{sha256}</c>) for tests of code that archives,
/// until the store's own archive is at hand.
/// </summary>
public sealed class TestContentArchive(string root) : IContentArchive
{
    public string Root { get; } = root;

    public async Task<TicketAttachment> StoreAsync(Stream content, string fileName, string contentType, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var incoming = Path.Combine(Root, $".incoming-{Guid.NewGuid():N}");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        await using (var file = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                size += read;
            }

            file.Flush(flushToDisk: true);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        var path = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            File.Delete(incoming);
        }
        else
        {
            File.Move(incoming, path);
        }

        return new TicketAttachment { FileName = fileName, ContentType = contentType, Size = size, Sha256 = sha256 };
    }

    public Stream OpenRead(string sha256) => File.OpenRead(PathOf(sha256));

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    public byte[] ReadAllBytes(string sha256) => File.ReadAllBytes(PathOf(sha256));

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
}
