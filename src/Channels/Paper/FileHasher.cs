using System.Security.Cryptography;

namespace ContactCenter.Channels.Paper;

internal static class FileHasher
{
    /// <summary>Lower-case hex SHA-256 of a stream's remaining bytes.</summary>
    public static async Task<string> Sha256Async(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
}
