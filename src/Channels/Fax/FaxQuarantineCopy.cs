using ContactCenter.Channels.Files;
using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// Copies a rejected fax that stays in the spool into quarantine once. The spool is not changed and, without a state
/// file, what was set aside is forgotten at a restart: the same fax is rejected again at every start (or every
/// <c>ingest --once</c>), so its copy is named after its content, <c>fax000001 (sha 1a2b3c4d).tif</c>, and a copy
/// already there with the same bytes is kept instead of adding another with another reason file.
/// </summary>
internal static class FaxQuarantineCopy
{
    private const int ShownHashChars = 8;

    /// <summary>The copy's path; null when the same fax is already in <paramref name="folder"/>.</summary>
    public static async Task<string?> CopyOnceAsync(
        string path, string sha256, string folder, string note, CancellationToken cancellationToken)
    {
        var name = NameFor(Path.GetFileName(path), sha256);
        var destination = Path.Combine(folder, name);
        if (File.Exists(destination) && await HasContentAsync(destination, sha256, cancellationToken))
        {
            // A reason file deleted by an admin who kept the fax is written again; one still there is not touched.
            if (!File.Exists(destination + FileSetAside.ReasonSuffix))
            {
                await File.WriteAllTextAsync(destination + FileSetAside.ReasonSuffix, note, cancellationToken);
            }

            return null;
        }

        // Another file under that name (a torn copy, an edited one) is not overwritten: the fax goes beside it.
        return await FileSetAside.QuarantineAsync(path, folder, move: false, note, cancellationToken, name);
    }

    public static string NameFor(string fileName, string sha256)
    {
        var shown = sha256.Length > ShownHashChars ? sha256[..ShownHashChars] : sha256;
        return $"{Path.GetFileNameWithoutExtension(fileName)} (sha {shown}){Path.GetExtension(fileName)}";
    }

    private static async Task<bool> HasContentAsync(string path, string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return (await FileHasher.Sha256Async(stream, cancellationToken)).Equals(sha256, StringComparison.OrdinalIgnoreCase);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
