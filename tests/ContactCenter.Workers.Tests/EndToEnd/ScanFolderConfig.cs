using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.EndToEnd;

internal static class ScanFolderConfig
{
    public const string Channel = "posta";

    /// <summary>
    /// An --config file with one scan-folder channel on <paramref name="inbox"/>: files taken at once, imported ones moved
    /// to <c>{folder}/done</c>, rejected ones to <c>{inbox}/quarantine</c> (the default), receipts off.
    /// </summary>
    public static string Write(string folder, string inbox, int batchSize) =>
        JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = Path.Combine(folder, "data") },
            Receipts = new { Enabled = false },
            Channels = new Dictionary<string, object>
            {
                [Channel] = new
                {
                    Type = "ScanFolder",
                    Paths = new[] { inbox },
                    StableFor = "00:00:00",
                    DonePath = Path.Combine(folder, "done"),
                    BatchSize = batchSize,
                },
            },
        });

    /// <summary>The scan-folder source key of a file's content (and of each further letter split from it).</summary>
    public static IReadOnlyList<string> SourceKeys(string file, int letters)
    {
        using var stream = File.OpenRead(file);
        var key = $"file:{Channel}/{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))}";
        return Enumerable.Range(1, letters).Select(n => n == 1 ? key : $"{key}#part{n}").ToList();
    }
}
