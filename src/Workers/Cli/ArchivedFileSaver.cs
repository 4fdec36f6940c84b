using System.Security.Cryptography;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage.Archive;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// Writes an archived file into a folder: under its own (sanitised) name, numbered rather than over an existing file,
/// hashed as it is written and kept only if the bytes are the ones its record names.
/// </summary>
internal static class ArchivedFileSaver
{
    /// <param name="owner">Whose file it is, for messages: "ticket PC-2026-000042", "quarantined item 7".</param>
    public static async Task<SavedFile> SaveAsync(Func<CancellationToken, Task<ArchivedFile?>> open, string owner, TicketAttachment file, string folder,
        CancellationToken cancellationToken)
    {
        var opened = await open(cancellationToken).ConfigureAwait(false)
            ?? throw new IOException($"{owner} no longer has file {file.FileName} ({file.Sha256}).");
        var name = SafeFileName.From(file.FileName, "file-" + file.Sha256[..12]);
        var part = Path.Combine(folder, $".{Guid.NewGuid():N}.part");
        try
        {
            long size;
            string actual;
            await using (opened.ConfigureAwait(false))
            {
                (size, actual) = await CopyAsync(opened.Content, part, cancellationToken).ConfigureAwait(false);
            }

            if (!string.Equals(actual, file.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException($"File {name} of {owner} read back with SHA-256 {actual}, not {file.Sha256.ToLowerInvariant()}: "
                    + "the archive's copy is damaged, so nothing was saved.");
            }

            var path = Place(folder, name, part);
            return new SavedFile(file.FileName, file.Sha256.ToLowerInvariant(), size, path);
        }
        finally
        {
            File.Delete(part);
        }
    }

    private static async Task<(long Size, string Sha256)> CopyAsync(Stream content, string part, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        var size = await HashingCopy.CopyAsync(content, target, hash, cancellationToken).ConfigureAwait(false);
        return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>Moves the written file to "name.ext", else "name (2).ext" and on: never over a file already there.</summary>
    private static string Place(string folder, string name, string part)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 1; ; n++)
        {
            var path = Path.Combine(folder, n == 1 ? name : $"{stem} ({n}){extension}");
            if (File.Exists(path) || Directory.Exists(path))
            {
                continue;
            }

            try
            {
                File.Move(part, path, overwrite: false);
                return path;
            }
            catch (IOException) when (File.Exists(path))
            {
                // Made by someone else since the check: take the next number.
            }
        }
    }
}
