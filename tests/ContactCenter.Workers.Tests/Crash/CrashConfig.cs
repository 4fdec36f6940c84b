using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;

namespace ContactCenter.Workers.Tests.Crash;

/// <summary>
/// The worker's --config for the crash run: an IMAP channel moving to Processed, a scan folder, receipts through the
/// test SMTP server. Polls every second; scans are taken as soon as they are seen (StableFor 0: the stability
/// tracker lives in memory, so a worker killed every few seconds would otherwise never find a file stable).
/// The file is written once, so every restart uses the same control port.
/// </summary>
internal static class CrashConfig
{
    public static string Write(string folder, DovecotServer dovecot, string user, string scans, int smtpPort) =>
        JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = Path.Combine(folder, "data") },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" } },
            Receipts = new
            {
                Enabled = true,
                From = "Protezione Civile <urp@protezionecivile.example.it>",
                MaxPerSenderPerDay = 10_000,
                BatchSize = 1000,
            },
            Smtp = new { Host = "127.0.0.1", Port = smtpPort, Security = "None" },
            Pipeline = new { ShutdownTimeout = "00:00:10" },

            // Its own control port, so a service of another test on the default 5280 cannot be mistaken for this one.
            Control = new { Url = $"http://127.0.0.1:{FreePort.Next()}" },
            Channels = new Dictionary<string, object>
            {
                ["urp"] = new
                {
                    Type = "Imap",
                    Host = DovecotServer.Host,
                    Port = dovecot.ImapPort,
                    Security = "None",
                    User = user,
                    Password = DovecotServer.Password,
                    BatchSize = 20,
                    Interval = "00:00:01",
                },
                ["scans"] = new
                {
                    Type = "ScanFolder",
                    Paths = new[] { scans },
                    StableFor = "00:00:00",
                    BatchSize = 5,
                    Interval = "00:00:01",
                },
            },
        });
}
