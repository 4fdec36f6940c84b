using System.Security.Cryptography;

namespace ContactCenter.Channels.Paper;

internal static class FileHasher
{
    /// <summary>
    /// Lower-case hex SHA-256 of the file, read while holding it exclusively; null when it cannot be opened so, which
    /// means a writer (a scanner, a copy over a share, the fax receiver) still has it open.
    /// </summary>
    public static async Task<string?> TrySha256ExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return await Sha256Async(stream, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Lower-case hex SHA-256 of the rest of <paramref name="stream"/>.</summary>
    public static async Task<string> Sha256Async(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
}
