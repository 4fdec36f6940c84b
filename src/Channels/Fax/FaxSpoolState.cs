using System.Globalization;
using System.Text;

namespace ContactCenter.Channels.Fax;

/// <summary>
/// The faxes of a spool already imported (or rejected), by name, size and modification time, so that a poll skips them
/// without reading them. Appended and flushed to <c>ProcessedStatePath</c> when configured, else kept in memory.
/// </summary>
internal sealed class FaxSpoolState
{
    private readonly string? path;
    private readonly HashSet<string> done = new(StringComparer.Ordinal);

    public FaxSpoolState(string? path)
    {
        this.path = path;
        if (path is not null && File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                var fields = line.Split('\t');
                if (fields.Length >= 4)
                {
                    done.Add(Key(fields[3], fields[1], fields[2]));
                }
            }
        }
    }

    public bool IsDone(string name, long size, DateTime lastWriteUtc) => done.Contains(Key(name, size, lastWriteUtc));

    public void MarkDone(string sourceKey, string name, long size, DateTime lastWriteUtc)
    {
        if (!done.Add(Key(name, size, lastWriteUtc)) || path is null)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{sourceKey}\t{size}\t{lastWriteUtc.Ticks}\t{name}\n")));
        stream.Flush(flushToDisk: true);
    }

    private static string Key(string name, long size, DateTime lastWriteUtc) =>
        Key(name, size.ToString(CultureInfo.InvariantCulture), lastWriteUtc.Ticks.ToString(CultureInfo.InvariantCulture));

    private static string Key(string name, string size, string ticks) => $"{name}\t{size}\t{ticks}";
}
