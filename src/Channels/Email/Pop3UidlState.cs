using System.Text.Json;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The UIDLs a POP3 channel must not fetch again, in a small JSON file replaced atomically (write, flush to disk,
/// rename) so a crash leaves either the old or the new state.
/// </summary>
internal sealed class Pop3UidlState
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private readonly string _path;
    private readonly HashSet<string> _imported;
    private readonly Dictionary<string, string> _rejected;

    private Pop3UidlState(string path, Pop3UidlStateFile file)
    {
        _path = path;
        _imported = new HashSet<string>(file.Imported, StringComparer.Ordinal);
        _rejected = new Dictionary<string, string>(file.Rejected, StringComparer.Ordinal);
    }

    public static async Task<Pop3UidlState> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return new Pop3UidlState(path, new Pop3UidlStateFile());
        }

        await using var stream = File.OpenRead(path);
        var file = await JsonSerializer.DeserializeAsync<Pop3UidlStateFile>(stream, JsonOptions, cancellationToken).ConfigureAwait(false);
        return new Pop3UidlState(path, file ?? new Pop3UidlStateFile());
    }

    public bool IsKnown(string uidl) => _imported.Contains(uidl) || _rejected.ContainsKey(uidl);

    public Task AddImportedAsync(IEnumerable<string> uidls, CancellationToken cancellationToken)
    {
        _imported.UnionWith(uidls);
        return SaveAsync(cancellationToken);
    }

    public Task AddRejectedAsync(string uidl, string reason, CancellationToken cancellationToken)
    {
        _rejected[uidl] = reason;
        return SaveAsync(cancellationToken);
    }

    /// <summary>Forgets UIDLs no longer on the server, so the file does not grow forever.</summary>
    public async Task PruneAsync(IReadOnlySet<string> onServer, CancellationToken cancellationToken)
    {
        var removed = _imported.RemoveWhere(u => !onServer.Contains(u));
        foreach (var gone in _rejected.Keys.Where(u => !onServer.Contains(u)).ToList())
        {
            _rejected.Remove(gone);
            removed++;
        }

        if (removed > 0)
        {
            await SaveAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var file = new Pop3UidlStateFile { Imported = _imported.Order(StringComparer.Ordinal).ToList(), Rejected = new(_rejected) };
        var temp = _path + ".tmp";
        await using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            await JsonSerializer.SerializeAsync(stream, file, JsonOptions, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, _path, overwrite: true);
    }
}
