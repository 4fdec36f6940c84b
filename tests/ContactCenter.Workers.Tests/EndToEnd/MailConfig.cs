using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Workers.Tests.EndToEnd;

internal static class MailConfig
{
    /// <summary>An --config file with one channel on the test Dovecot; messages over 200 KB go to quarantine.</summary>
    public static string Write(string folder, DovecotServer server, string user, string type, int batchSize = 50) =>
        JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = Path.Combine(folder, "data") },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" }, MaxMessageBytes = 200_000 },
            Receipts = new { Enabled = false },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new
                {
                    Type = type,
                    Host = DovecotServer.Host,
                    Port = type == "Imap" ? server.ImapPort : server.Pop3Port,
                    Security = "None",
                    User = user,
                    Password = DovecotServer.Password,
                    BatchSize = batchSize,
                },
            },
        });
}
