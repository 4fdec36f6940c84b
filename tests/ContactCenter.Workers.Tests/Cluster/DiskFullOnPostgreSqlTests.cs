using ContactCenter.Testing;
using ContactCenter.Testing.PostgreSql;
using ContactCenter.Testing.Storage;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.EndToEnd;
using static ContactCenter.Workers.Tests.EndToEnd.DiskFullRecovery;

namespace ContactCenter.Workers.Tests.Cluster;

/// <summary>
/// The running service on PostgreSQL whose data volume fills in the middle of a surge (the database in a tablespace on
/// a small tmpfs, the server's log elsewhere), then an admin makes room.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DiskFullOnPostgreSqlTests(PostgresFixture postgres) : IDisposable
{
    private const int Messages = 1_500;
    private readonly TempDirectory folder = new("cc-pg-disk-full");

    public void Dispose() => folder.Dispose();

    /// <param name="clustered">Quartz's own tables on the full volume too (its triggers and check-ins), as on a cluster.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_DataVolumeFillsThenFreed_EveryMessageOneTicketAndIngestResumesAlone(bool clustered)
    {
        await using var disk = await SmallDisk.MountAsync(64 << 20);
        var database = await postgres.Server.CreateDatabaseInAsync(disk.Combine("tablespace"));
        try
        {
            var inbox = folder.Combine("inbox");
            Directory.CreateDirectory(inbox);
            for (var n = 0; n < Messages; n++)
            {
                await CitizenMail.Request(n, "disco").WriteToAsync(Path.Combine(inbox, $"m{n:D4}.eml"));
            }

            var store = JsonConfigFile.Write(folder.Path, new
            {
                Store = new { Provider = "PostgreSql", PostgreSql = new { ConnectionString = database, Clustered = clustered, ClusterCheckinInterval = "00:00:02" } },
            });
            var pipeline = new { FailureBackoff = "00:00:00.200", MaxFailureBackoff = "00:00:00.500", ModeCheckInterval = "00:00:01" };
            await using (var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox, batchSize: 20), pipeline, extraConfig: store))
            {
                // Some batches in, then the volume is as good as full: PostgreSQL refuses to extend a table (53100) and
                // rolls the batch back, so nothing may be acknowledged, moved to quarantine or numbered twice.
                await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 100, TimeSpan.FromSeconds(60));
                await disk.LeaveFreeAsync(256 << 10);
                // Read from /health, which answers from memory: a status read needs the database, and on a full volume
                // PostgreSQL may refuse a new session that has to rewrite its relation cache file ("could not write init file").
                var failing = await service.WaitForHealthAsync(
                    h => LastError(h).Contains("No space left on device") && Channel(h).GetProperty("consecutiveFailures").GetInt32() >= 5, TimeSpan.FromSeconds(60));
                LastError(failing).Should().Contain("53100").And.Contain("No space left on device", "the data volume filled up");
                failing.GetProperty("status").GetString().Should().NotBe("Healthy");
                failing.GetProperty("reason").GetString().Should().Contain("No space left on device");
                Directory.GetFiles(inbox).Should().NotBeEmpty("what was not stored is not acknowledged");

                await disk.GrowAsync(256 << 20);

                await EveryMessageOnceAsync(service, inbox, Messages);
            }
        }
        finally
        {
            await postgres.Server.DropDatabaseInAsync(database);
        }

        Directory.GetFiles(folder.Combine("done"), "*", SearchOption.AllDirectories).Should().HaveCount(Messages);
        Directory.Exists(folder.Combine("quarantine")).Should().BeFalse("a full disk is not the message's fault");
    }
}
