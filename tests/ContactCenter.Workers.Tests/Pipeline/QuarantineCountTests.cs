using System.Diagnostics.Metrics;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

public sealed class QuarantineCountTests
{
    [Fact]
    public async Task Retry_FailsAgain_ItemCountedAsQuarantinedOnce()
    {
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new IngestMetrics(meters.GetRequiredService<IMeterFactory>());
        using var harness = new PipelineHarness(configure: services => services.AddSingleton(metrics));
        long counted = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == metrics.Meter && instrument.Name == "contactcenter.items.quarantined")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref counted, value));
        listener.Start();
        var first = new MemorySource("inbox");
        first.Add("mem:inbox/1", "Subject: Troppo grande\n\nREJECT");
        var summary = await harness.Pipeline.RunAsync(first, null, CancellationToken.None);

        // A quarantine retry that fails again finds the item's record: nothing more is in quarantine.
        var retries = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var retry = new MemorySource("inbox");
            retry.Add("mem:inbox/1", "Subject: Troppo grande\n\nREJECT");
            retries.Add((await harness.Pipeline.RetryAsync(retry, CancellationToken.None)).Quarantined);
        }

        summary.Quarantined.Should().Be(1);
        retries.Should().Equal(0, 0, 0);
        Interlocked.Read(ref counted).Should().Be(1);
        (await harness.Store.ListQuarantineAsync(includeResolved: true, CancellationToken.None)).Should().ContainSingle();
    }
}
