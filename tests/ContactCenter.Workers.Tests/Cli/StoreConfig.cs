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

    /// <summary>An --config with a PostgreSQL store at <paramref name="connectionString"/>, receipts off and a control URL nobody listens on.</summary>
    public static string WritePostgreSql(string folder, string connectionString, object? channels = null) => JsonConfigFile.Write(folder, new
    {
        Store = new { Provider = "PostgreSql", DataDirectory = Path.Combine(folder, "data"), PostgreSql = new { ConnectionString = connectionString } },
        Receipts = new { Enabled = false },
        Control = new { Url = $"http://127.0.0.1:{Testing.Dovecot.FreePort.Next()}" },
        Channels = channels ?? new { },
    });
}
