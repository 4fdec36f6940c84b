using System.Collections.Concurrent;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Template files read once and again only when their modification time changes, so edits need no restart.</summary>
internal sealed class TemplateFileCache
{
    private readonly ConcurrentDictionary<string, (DateTime Modified, string Text)> cache = new(StringComparer.Ordinal);

    public async ValueTask<string> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var fullPath = TemplatePath.Resolve(path);
        var modified = File.GetLastWriteTimeUtc(fullPath);
        if (cache.TryGetValue(fullPath, out var entry) && entry.Modified == modified)
        {
            return entry.Text;
        }

        var text = await File.ReadAllTextAsync(fullPath, cancellationToken).ConfigureAwait(false);
        cache[fullPath] = (modified, text);
        return text;
    }
}
