using System.Globalization;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>Where a scan-folder test's files are and what the store holds, after a child worker has exited.</summary>
/// <param name="Inbox">Names of the files still at the top of the scan folder.</param>
/// <param name="Done">Paths under <c>done/</c>, relative, with '/' separators.</param>
internal sealed record ScanFolderState(IReadOnlyList<string> Inbox, IReadOnlyList<string> Done, StoreSnapshot Store)
{
    public static async Task<ScanFolderState> ReadAsync(string folder, string inbox)
    {
        var done = Path.Combine(folder, "done");
        return new ScanFolderState(
            Directory.GetFiles(inbox).Select(f => Path.GetFileName(f)).ToList(),
            Directory.Exists(done)
                ? Directory.GetFiles(done, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(done, f).Replace('\\', '/')).ToList()
                : [],
            await StoreSnapshot.ReadAsync(Path.Combine(folder, "data")));
    }

    /// <summary><c>yyyy/MM/{name}</c> for this month, where an imported file is kept.</summary>
    public static string DatedDonePath(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"{DateTime.Now:yyyy}/{DateTime.Now:MM}/{name}");
}
