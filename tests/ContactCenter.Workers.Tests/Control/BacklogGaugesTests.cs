using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.Backup;
using ContactCenter.Testing;
using ContactCenter.Testing.Storage;
using ContactCenter.Workers.Cli.Channels;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>The ticket gauges: counted by the store per channel, and only as often as TicketGaugeRefreshInterval says.</summary>
public sealed class BacklogGaugesTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-gauges");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Refresh_TicketsCountedPerChannel_OverdueOnceDue_RecountedOnlyAfterTheirInterval()
    {
        var time = new FakeTimeProvider(StoreRequests.Received);
        using var store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("data") }, time);
        await store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2", channel: "pec")], CancellationToken.None);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var configuration = new ConfigurationBuilder().Build();
        var storeOptions = Options.Create(new StoreOptions { DataDirectory = folder.Combine("data") });
        var gauges = new BacklogGauges(store, services.GetRequiredService<IMeterFactory>(), time,
            Options.Create(new ControlOptions { TicketGaugeRefreshInterval = TimeSpan.FromMinutes(2) }), NullLogger<BacklogGauges>.Instance,
            new DiskSpace(new ServiceFolders(new ChannelCatalog(configuration, []), storeOptions, configuration)), storeOptions);

        await gauges.RefreshAsync(CancellationToken.None);
        Read(services, "contactcenter.tickets.open").Should().BeEquivalentTo(new Dictionary<string, int> { ["posta"] = 1, ["pec"] = 1 });
        Read(services, "contactcenter.tickets.overdue").Should().BeEquivalentTo(new Dictionary<string, int> { ["posta"] = 0, ["pec"] = 0 });

        time.Advance(TimeSpan.FromDays(3)); // both past their due date (two days after receipt)
        await store.DispatchAsync([StoreRequests.Mail("k3", receivedAt: time.GetUtcNow())], CancellationToken.None);
        await gauges.RefreshAsync(CancellationToken.None);
        Read(services, "contactcenter.tickets.open")["posta"].Should().Be(2, "the first refresh after the interval counts again");
        Read(services, "contactcenter.tickets.overdue").Should().BeEquivalentTo(new Dictionary<string, int> { ["posta"] = 1, ["pec"] = 1 });

        await store.DispatchAsync([StoreRequests.Mail("k4", receivedAt: time.GetUtcNow())], CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));
        await gauges.RefreshAsync(CancellationToken.None);
        Read(services, "contactcenter.tickets.open")["posta"].Should().Be(2, "within the interval the last count stands: counting reads every ticket");
    }

    [Fact]
    public void BackupGauges_NothingBeforeABackup_ThenTheAgeOfTheLastCompleteOne()
    {
        var time = new FakeTimeProvider(StoreRequests.Received);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var configuration = new ConfigurationBuilder().Build();
        var storeOptions = Options.Create(new StoreOptions { DataDirectory = folder.Combine("data") });
        Directory.CreateDirectory(storeOptions.Value.DataDirectory);
        using var store = TicketStoreFactory.Open(storeOptions.Value, time);
        _ = new BacklogGauges(store, services.GetRequiredService<IMeterFactory>(), time, Options.Create(new ControlOptions()), NullLogger<BacklogGauges>.Instance,
            new DiskSpace(new ServiceFolders(new ChannelCatalog(configuration, []), storeOptions, configuration)), storeOptions);
        var record = BackupRecordFile.PathFor(storeOptions.Value);

        ReadSingle(services, "contactcenter.backup.age").Should().BeNull("no backup has run: an alert on the age's absence fires");
        BackupRecordFile.Write(record, time.GetUtcNow(), complete: true, "/srv/backup", 0);
        time.Advance(TimeSpan.FromHours(1));
        ReadSingle(services, "contactcenter.backup.age").Should().Be(3600);
        ReadSingle(services, "contactcenter.backup.last.complete").Should().Be(1);

        time.Advance(TimeSpan.FromHours(23));
        BackupRecordFile.Write(record, time.GetUtcNow(), complete: false, "/srv/backup", 2);
        ReadSingle(services, "contactcenter.backup.age").Should().Be(24 * 3600, "the failed run is not a backup");
        ReadSingle(services, "contactcenter.backup.last.complete").Should().Be(0);
    }

    private static double? ReadSingle(ServiceProvider services, string name)
    {
        var meter = services.GetRequiredService<IMeterFactory>().Create(IngestMetrics.MeterName);
        double? value = null;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, v, _, _) => value = v);
        listener.SetMeasurementEventCallback<int>((_, v, _, _) => value = v);
        listener.Start();
        listener.RecordObservableInstruments();
        return value;
    }

    private static Dictionary<string, int> Read(ServiceProvider services, string name)
    {
        var meter = services.GetRequiredService<IMeterFactory>().Create(IngestMetrics.MeterName);
        var values = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == meter && instrument.Name == name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => values[(string)tags[0].Value!] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
