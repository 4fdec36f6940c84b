using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Cli;

internal static class StoreConfig
{
    /// <summary>An --config with the store in <paramref name="folder"/>/data, no channels, and a control URL nobody listens on.</summary>
    public static string Write(string folder, int controlPort, object? channels = null) => JsonConfigFile.Write(folder, new
    {
        Store = new { DataDirectory = Path.Combine(folder, "data") },
        Receipts = new { Enabled = false },
        Control = new { Url = $"http://127.0.0.1:{controlPort}", ClientConnectTimeout = "00:00:01" },
        Channels = channels ?? new { },
    });
}
