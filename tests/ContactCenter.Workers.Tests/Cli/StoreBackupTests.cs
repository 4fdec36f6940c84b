using System.Text.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Bulk;
using ContactCenter.Workers.Tests.Control;
using ContactCenter.Workers.Tests.TestSupport;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// <c>store backup</c>: a snapshot of the LiteDB store taken while the real service ingests, and the archive mirrored
/// after it; restored by copying the folder into place, it opens with every ticket of the snapshot and their files.
/// </summary>
public sealed class StoreBackupTests : IDisposable
{
    private const int Bulk = 150;
    private readonly TempDirectory folder = new("cc-store-backup");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Backup_WhileTheServiceIngests_RestoresToAStoreWithEveryFile()
    {
        var inbox = AttachmentMail.Write(folder);
        await using var service = await ServiceTestHost.StartAsync(folder.Path, MailDrop.Channel(folder, "drop", inbox, batchSize: 5, interval: "00:00:00.2"));
        // Mail keeps arriving for about three seconds, so the service is dispatching while the backup is taken.
        var arriving = FeedAsync(inbox);
        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() >= 10, TimeSpan.FromSeconds(60));
        var backup = folder.Combine("backup");

        var during = await Backup(service.Config, backup);

        var restoredDuring = Restore(backup, "restored-during");
        var countDuring = (await Tickets(restoredDuring)).Count;
        countDuring.Should().BeInRange(10, Bulk + 2);
        during.GetProperty("referenced").GetInt32().Should().Be(countDuring, "each e-mail ticket names its original, which holds its attachments");

        await arriving;
        await service.WaitForStatusAsync(s => s.GetProperty("tickets").GetInt32() == Bulk + 2, TimeSpan.FromSeconds(120));
        var after = await Backup(service.Config, backup);

        after.GetProperty("archivePresent").GetInt32().Should().BeGreaterThanOrEqualTo(during.GetProperty("archiveCopied").GetInt32(), "what the first backup copied is not copied again");
        var restored = Restore(backup, "restored");
        var tickets = await Tickets(restored);
        tickets.Should().HaveCount(Bulk + 2);
        var status = JsonDocument.Parse((await CliRun.RunAsync(null, "status", "--json", "--config", service.Config)).Output).RootElement.GetProperty("lastBackup");
        status.GetProperty("lastRunComplete").GetBoolean().Should().BeTrue();
        status.GetProperty("folder").GetString().Should().Be(backup);
        (await service.Http.GetStringAsync("metrics")).Should().Contain("contactcenter_backup_age_seconds").And.Contain("contactcenter_backup_last_complete");
        var health = JsonDocument.Parse(await service.Http.GetStringAsync("health")).RootElement;
        health.GetProperty("backup").GetProperty("status").GetString().Should().Be("Healthy");
        health.GetProperty("backup").GetProperty("folder").GetString().Should().Be(backup);
        var damage = tickets.Single(t => t.GetProperty("subject").GetString() == AttachmentMail.DamageSubject).GetProperty("number").GetString()!;
        var save = await CliRun.RunAsync(null, "tickets", "save", damage, "--to", folder.Combine("saved"), "--config", restored);
        save.ExitCode.Should().Be(0, save.Error);
        File.ReadAllBytes(folder.Combine("saved", "foto danni.jpg")).Should().Equal(AttachmentMail.Photo);
    }

    [Fact]
    public async Task Backup_ArchiveFileDamaged_IsNotCopied_AndTheBackupSaysItIsIncomplete()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        var blob = AttachmentMail.DamageOriginal(folder.Combine("data", "archive"));
        File.WriteAllBytes(blob, new byte[new FileInfo(blob).Length]);

        var result = await CliRun.RunAsync(null, "store", "backup", "--to", folder.Combine("backup"), "--config", config);

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        var sha = Path.GetFileName(blob);
        result.Error.Should().Contain("incomplete").And.Contain($"{sha}: named by the store, not in the backup").And.Contain("damaged in the archive");
        File.Exists(folder.Combine("backup", "archive", sha[..2], sha[2..4], sha)).Should().BeFalse();
        File.Exists(folder.Combine("backup", "tickets.db")).Should().BeTrue();
        var status = await CliRun.RunAsync(null, "status", "--config", config);
        status.Output.Should().Contain("incomplete").And.Contain("last complete never");
    }

    [Fact]
    public async Task Backup_Verify_FindsAndRepairsAFileDamagedInTheBackup()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        var backup = folder.Combine("backup");
        var first = await Backup(config, backup);
        var copy = AttachmentMail.DamageOriginal(Path.Combine(backup, "archive"));
        var sound = File.ReadAllBytes(copy);
        var damaged = (byte[])sound.Clone();
        damaged[^1] ^= 0xFF;
        File.WriteAllBytes(copy, damaged);

        var unverified = await Backup(config, backup);
        var verified = await Backup(config, backup, "--verify");

        unverified.GetProperty("verified").ValueKind.Should().Be(JsonValueKind.Null, "a plain backup trusts a file of the right size");
        verified.GetProperty("repaired").GetInt32().Should().Be(1);
        verified.GetProperty("verified").GetInt32().Should().Be(first.GetProperty("referenced").GetInt32() - 1);
        File.ReadAllBytes(copy).Should().Equal(sound);
    }

    [Fact]
    public async Task Backup_WhileAnotherRunsIntoTheSameFolder_WaitsForIt_ThenCompletes()
    {
        var config = await AttachmentMail.IngestOnceAsync(folder);
        var backup = Directory.CreateDirectory(folder.Combine("backup")).FullName;
        Task<CliRun.Result> second;
        // The other run, as the lock it holds for as long as it runs.
        using (await Core.Storage.Backup.BackupFolderLock.AcquireAsync(backup, () => Task.CompletedTask, TimeProvider.System, CancellationToken.None))
        {
            second = CliRun.RunAsync(null, "store", "backup", "--to", backup, "--json", "--config", config);
            await Task.Delay(TimeSpan.FromSeconds(2));
            File.Exists(Path.Combine(backup, "tickets.db")).Should().BeFalse("nothing is written into the folder while the other run holds it");
        }

        var result = await second.WaitAsync(TimeSpan.FromMinutes(1));
        result.ExitCode.Should().Be(0, result.Error);
        result.Error.Should().Contain($"Another backup into {backup} is running");
        JsonDocument.Parse(result.Output).RootElement.GetProperty("complete").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Backup_PostgreSqlStore_PointsToPostgreSqlsOwnTools()
    {
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = new { Provider = "PostgreSql", DataDirectory = folder.Combine("data"), PostgreSql = new { ConnectionString = "Host=127.0.0.1;Port=1;Database=cc" } },
        });

        var result = await CliRun.RunAsync(null, "store", "backup", "--to", folder.Combine("backup"), "--config", config);

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("pg_dump");
        Directory.Exists(folder.Combine("backup")).Should().BeFalse();
    }

    private static async Task FeedAsync(string inbox)
    {
        var mail = new BulkMail(seed: 5, run: "backup");
        for (var n = 0; n < Bulk; n++)
        {
            // Written aside and renamed in, as an MTA delivers: the channel never reads half a file.
            var path = Path.Combine(inbox, $"bulk-{n:D4}.eml");
            await File.WriteAllBytesAsync(path + ".tmp", mail.CreateBytes(n));
            File.Move(path + ".tmp", path);
            await Task.Delay(20);
        }
    }

    private static async Task<JsonElement> Backup(string config, string to, params string[] more)
    {
        var result = await CliRun.RunAsync(null, ["store", "backup", "--to", to, "--json", "--config", config, .. more]);
        result.ExitCode.Should().Be(0, result.Output + result.Error);
        var report = JsonDocument.Parse(result.Output).RootElement;
        report.GetProperty("complete").GetBoolean().Should().BeTrue();
        return report;
    }

    /// <summary>What an admin does after losing the machine: the backup folder's files copied into a new data folder.</summary>
    private string Restore(string backup, string name)
    {
        var data = folder.Combine(name, "data");
        foreach (var file in Directory.GetFiles(backup, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(data, Path.GetRelativePath(backup, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return JsonConfigFile.Write(folder.Combine(name), new { Store = new { DataDirectory = data }, Control = new { Enabled = false } });
    }

    private static async Task<List<JsonElement>> Tickets(string config)
    {
        var list = await CliRun.RunAsync(null, "tickets", "list", "--json", "--limit", "5000", "--config", config);
        list.ExitCode.Should().Be(0, list.Error);
        return JsonDocument.Parse(list.Output).RootElement.GetProperty("tickets").EnumerateArray().ToList();
    }
}
