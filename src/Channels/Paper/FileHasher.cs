using System.Security.Cryptography;
using ContactCenter.Channels.Files;

namespace ContactCenter.Channels.Paper;

internal static class FileHasher
{
    /// <summary>
    /// Lower-case hex SHA-256 of the file, read while holding it exclusively; null when it cannot be opened so, which
    /// means a writer (a scanner, a copy over a share, the fax receiver) still has it open.
    /// </summary>
    /// <remarks>
    /// Only a regular file (or a link <paramref name="rules"/> allow) is read, each read within its timeout; anything
    /// else throws (<see cref="Core.Intake.InboundItemRejectedException"/>, <see cref="UnauthorizedAccessException"/>,
    /// <see cref="FileNotFoundException"/>) for the source to quarantine or skip it.
    /// </remarks>
    public static async Task<string?> TrySha256ExclusiveAsync(string path, SourceFileRules rules, CancellationToken cancellationToken)
    {
        var stream = SourceFiles.TryOpenRead(path, rules, exclusive: true);
        if (stream is null)
        {
            return null;
        }

        await using (stream)
        {
            return await Sha256Async(stream, cancellationToken);
        }
    }

    /// <summary>Lower-case hex SHA-256 of the rest of <paramref name="stream"/>.</summary>
    public static async Task<string> Sha256Async(Stream stream, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
}
