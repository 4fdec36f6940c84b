using ContactCenter.Core.Channels;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Testing;
using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Control;

public sealed class HealthReporterTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly ChannelStatusRegistry registry;
    private readonly HealthReporter reporter;

    public HealthReporterTests()
    {
        var memory = new MemoryChannelFactory();
        memory.Sources["urp"] = new BrokenSource("urp");
        memory.Sources["pec"] = new BrokenSource("pec");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Channels:urp:Type"] = "Memory",
            ["ContactCenter:Channels:pec:Type"] = "Memory",
        }).Build();
        registry = new ChannelStatusRegistry(time, Options.Create(new PipelineOptions()));
        reporter = new HealthReporter(
            new ChannelCatalog(configuration, [memory]), registry,
            Options.Create(new ControlOptions { ChannelUnhealthyAfter = TimeSpan.FromMinutes(15) }), time);
    }

    [Fact]
    public void FirstFailedPoll_Degraded_StillServedWithTheReason()
    {
        registry.RecordFailure("urp", "SocketException: Connection refused", null);

        var report = reporter.Build();

        report.Status.Should().Be(HealthReport.Degraded);
        report.IsHealthy.Should().BeTrue("a degraded service is still served with 200");
        report.Reason.Should().Contain("urp").And.Contain("Connection refused");
        report.Channels.Single(c => c.Channel == "urp").Status.Should().Be(HealthReport.Degraded);
        report.Channels.Single(c => c.Channel == "pec").Status.Should().Be(HealthReport.Healthy);
    }

    [Fact]
    public void FailingLongerThanChannelUnhealthyAfter_Unhealthy()
    {
        registry.RecordFailure("urp", "SocketException: Connection refused", null);
        time.Advance(TimeSpan.FromMinutes(16));
        registry.RecordFailure("urp", "SocketException: Connection refused", null);

        var report = reporter.Build();

        report.Status.Should().Be(HealthReport.Unhealthy);
        report.IsHealthy.Should().BeFalse();
    }

    [Fact]
    public void SuccessAfterFailure_HealthyAgain_NoReason()
    {
        registry.RecordFailure("urp", "down", null);
        registry.RecordSuccess("urp", new PollSummary { Channel = "urp" });

        var report = reporter.Build();

        report.Status.Should().Be(HealthReport.Healthy);
        report.Reason.Should().BeNull();
    }

    [Theory]
    [InlineData(long.MaxValue, true)]
    [InlineData(1, false)]
    public void StoreFolderShortOfFreeSpace_DegradedNamingTheKey(long minFreeBytes, bool isShort)
    {
        using var folder = new TempDirectory();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Channels:urp:Type"] = "Memory",
        }).Build();
        var catalog = new ChannelCatalog(configuration, [new MemoryChannelFactory()]);
        var folders = new ServiceFolders(catalog, Options.Create(new StoreOptions { DataDirectory = folder.Path }), configuration);
        var report = new HealthReporter(catalog, registry, Options.Create(new ControlOptions { MinFreeDiskBytes = minFreeBytes }), time,
            folders: folders, disk: new DiskSpace(folders)).Build();

        report.Status.Should().Be(isShort ? HealthReport.Degraded : HealthReport.Healthy);
        report.IsHealthy.Should().BeTrue("a disk filling up is a warning; the polls fail once it is full");
        if (isShort)
        {
            report.LowDiskSpace.Select(l => l.Split(':')[0]).Should().Equal("store", "archive", "quarantine", "temp");
            report.Reason.Should().Contain("ContactCenter:Control:MinFreeDiskBytes").And.Contain($"free under {Path.Combine(folder.Path, "archive")}");
        }
        else
        {
            report.LowDiskSpace.Should().BeEmpty();
        }
    }

    [Fact]
    public void NoBackupRecorded_NotJudged()
    {
        using var data = new TempDirectory();

        var report = WithBackups(data.Path).Build();

        report.Status.Should().Be(HealthReport.Healthy);
        report.Backup.Should().BeNull("a store backed up otherwise is not degraded for want of store backup");
    }

    [Fact]
    public void CompleteBackupWithinBackupMaxAge_Healthy()
    {
        using var data = new TempDirectory();
        BackupRecordFile.Write(Path.Combine(data.Path, BackupRecordFile.FileName), time.GetUtcNow() - TimeSpan.FromHours(35), true, "/srv/backup", 0);

        var report = WithBackups(data.Path).Build();

        report.Status.Should().Be(HealthReport.Healthy);
        report.Backup!.Status.Should().Be(HealthReport.Healthy);
        report.Backup.LastCompleteAt.Should().Be(time.GetUtcNow() - TimeSpan.FromHours(35));
        report.Reason.Should().BeNull();
    }

    [Fact]
    public void LastCompleteBackupOlderThanBackupMaxAge_DegradedNamingTheKey()
    {
        using var data = new TempDirectory();
        BackupRecordFile.Write(Path.Combine(data.Path, BackupRecordFile.FileName), time.GetUtcNow() - TimeSpan.FromHours(37), true, "/srv/backup", 0);

        var report = WithBackups(data.Path).Build();

        report.Status.Should().Be(HealthReport.Degraded);
        report.IsHealthy.Should().BeTrue("the service still ingests; a monitor must see that backups stopped");
        report.Backup!.Status.Should().Be(HealthReport.Degraded);
        report.Reason.Should().Contain("backup to /srv/backup").And.Contain("ContactCenter:Control:BackupMaxAge (1.12:00:00)");
    }

    [Fact]
    public void LastBackupRunIncomplete_DegradedWithItsProblems_KeepingTheLastCompleteOne()
    {
        using var data = new TempDirectory();
        var record = Path.Combine(data.Path, BackupRecordFile.FileName);
        BackupRecordFile.Write(record, time.GetUtcNow() - TimeSpan.FromHours(25), true, "/srv/backup", 0);
        BackupRecordFile.Write(record, time.GetUtcNow() - TimeSpan.FromHours(1), false, "/srv/backup", 3);

        var report = WithBackups(data.Path).Build();

        report.Status.Should().Be(HealthReport.Degraded);
        report.Backup!.LastRunComplete.Should().BeFalse();
        report.Backup.LastCompleteAt.Should().Be(time.GetUtcNow() - TimeSpan.FromHours(25));
        report.Reason.Should().Contain("found 3 problem(s)").And.NotContain("BackupMaxAge");
    }

    [Fact]
    public void NoBackupEverComplete_Degraded()
    {
        using var data = new TempDirectory();
        BackupRecordFile.Write(Path.Combine(data.Path, BackupRecordFile.FileName), time.GetUtcNow(), false, "/srv/backup", 1);

        var report = WithBackups(data.Path).Build();

        report.Status.Should().Be(HealthReport.Degraded);
        report.Reason.Should().Contain("no complete backup yet").And.Contain("found 1 problem(s)");
    }

    [Fact]
    public void DefaultBackoff_StartsWithinSecondsAndGrows()
    {
        var delays = Enumerable.Range(0, 4).Select(_ => registry.RecordFailure("urp", "down", null)).ToList();

        delays[0].Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(5));
        delays.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    private HealthReporter WithBackups(string dataDirectory)
    {
        var control = Options.Create(new ControlOptions());
        var catalog = new ChannelCatalog(new ConfigurationBuilder().Build(), [new MemoryChannelFactory()]);
        return new HealthReporter(catalog, registry, control, time,
            backups: new BackupWatch(Options.Create(new StoreOptions { DataDirectory = dataDirectory }), control, time));
    }

    [Theory]
    [InlineData(80, 850, "Degraded")]
    [InlineData(80, 790, "Healthy")]
    [InlineData(90, 850, "Healthy")]
    [InlineData(0, 1000, "Healthy")]
    public void MailboxNearItsQuota_DegradedNamingTheMailbox(int warningPercent, long usedMib, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ContactCenter:Channels:urp:Type"] = "Memory",
        }).Build();
        var memory = new MemoryChannelFactory();
        memory.Sources["urp"] = new BrokenSource("urp");
        var quotas = new ContactCenter.Channels.Email.MailboxQuotaRegistry();
        quotas.Record("urp", new ContactCenter.Channels.Email.MailboxQuota("Casella", usedMib << 20, 1000L << 20, 12_000, null, time.GetUtcNow()));
        var report = new HealthReporter(new ChannelCatalog(configuration, [memory]), registry,
            Options.Create(new ControlOptions { MailboxQuotaWarningPercent = warningPercent }), time, quotas: quotas).Build();

        report.Status.Should().Be(expected);
        report.Channels.Single().Status.Should().Be(expected);
        report.Channels.Single().MailboxQuota!.UsedBytes.Should().Be(usedMib << 20);
        if (expected == HealthReport.Degraded)
        {
            report.Reason.Should().Be("urp: mailbox 85% full (850 of 1,000 MiB); the server refuses new mail once it is full");
        }
        else
        {
            report.Reason.Should().BeNull();
        }
    }
}
