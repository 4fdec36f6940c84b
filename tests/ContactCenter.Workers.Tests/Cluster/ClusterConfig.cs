using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Workers.Tests.Cluster;

internal static class ClusterConfig
{
    /// <summary>One node's --config: the shared database, one IMAP channel (IDLE on) polled every second unless told, its own control port and data folder (named <paramref name="node"/>, as the node is unless <paramref name="nodeName"/> says).</summary>
    public static string Write(string folder, string node, string connectionString, DovecotServer server, string user, int controlPort, int batchSize = 20,
        TimeSpan? interval = null, object? webhooks = null, object? pipeline = null, TimeSpan? retryDelay = null, string? nodeName = null) =>
        JsonConfigFile.Write(folder, new
        {
            Store = new
            {
                Provider = "PostgreSql",
                DataDirectory = Path.Combine(folder, node),
                PostgreSql = new { ConnectionString = connectionString, NodeName = nodeName ?? node, ClusterCheckinInterval = "00:00:02" },
            },
            Control = new { Url = $"http://127.0.0.1:{controlPort}" },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
            Receipts = new { Enabled = false },
            Pipeline = pipeline ?? new { },
            Webhooks = webhooks ?? new { },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new
                {
                    Type = "Imap",
                    Host = DovecotServer.Host,
                    Port = server.ImapPort,
                    Security = "None",
                    User = user,
                    Password = DovecotServer.Password,
                    BatchSize = batchSize,
                    RetryDelay = (retryDelay ?? TimeSpan.FromSeconds(15)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                    MaxRetryDelay = (retryDelay ?? TimeSpan.FromMinutes(15)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                    Interval = (interval ?? TimeSpan.FromSeconds(1)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
                },
            },
        });
}
