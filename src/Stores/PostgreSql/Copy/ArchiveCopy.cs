using System.Security.Cryptography;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Stores.PostgreSql.Copy;

/// <summary>
/// Copies the LiteDB store's archive folder into the target's archive, whichever kind it is (the <c>blobs</c> table or
/// the shared folder): a blob already there is not written again, so an interrupted copy just runs again. Then every
/// original is read back from the target and re-hashed against its name.
/// </summary>
internal static class ArchiveCopy
{
    public static async Task<(int Source, int Verified)> RunAsync(string sourceRoot, IContentArchive target, List<string> problems, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(sourceRoot))
        {
            return (0, 0);
        }

        var files = ContentArchive.Blobs(sourceRoot).Select(blob => blob.Path).ToList();
        foreach (var file in files)
        {
            var sha = Path.GetFileName(file).ToLowerInvariant();
            if (!target.Contains(sha))
            {
                await using var content = File.OpenRead(file);
                var stored = await target.StoreAsync(content, sha, "application/octet-stream", cancellationToken).ConfigureAwait(false);
                if (stored.Sha256 != sha)
                {
                    problems.Add($"archive file {file}: its content hashes to {stored.Sha256}, not to its name (damaged in the LiteDB archive)");
                }
            }
        }

        var verified = 0;
        foreach (var sha in files.Select(f => Path.GetFileName(f).ToLowerInvariant()))
        {
            if (await HashOfAsync(target, sha, cancellationToken).ConfigureAwait(false) == sha)
            {
                verified++;
            }
            else
            {
                problems.Add($"original {sha}: missing or altered in the target archive (the archive file itself may be damaged)");
            }
        }

        return (files.Count, verified);
    }

    private static async Task<string?> HashOfAsync(IContentArchive archive, string sha, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = archive.OpenRead(sha);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
