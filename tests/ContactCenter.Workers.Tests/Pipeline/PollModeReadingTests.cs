using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>The service mode is read once a second within a poll, not once a batch (a round trip to a database elsewhere).</summary>
public sealed class PollModeReadingTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Poll_BatchesWithinASecond_ReadTheModeOnce()
    {
        using var harness = Harness(out var store);
        var source = Source(batches: 3);

        var summary = await harness.Pipeline.RunAsync(source, null, CancellationToken.None);

        summary.Created.Should().Be(6);
        store().ModeReads.Should().Be(1);
    }

    [Fact]
    public async Task Poll_ModeSwitchedBetweenBatches_FollowedByTheFirstBatchRoutedASecondAfterTheReading()
    {
        using var harness = Harness(out var store);
        store().AfterDispatch = async number =>
        {
            if (number == 1)
            {
                // Switched while the reading of the poll's first batch is still fresh: the next batch keeps it.
                await harness.Store.SetModeAsync(ServiceMode.Emergency, "test", CancellationToken.None);
            }
            else if (number == 2)
            {
                _time.Advance(TimeSpan.FromSeconds(1));
            }
        };

        await harness.Pipeline.RunAsync(Source(batches: 3), null, CancellationToken.None);

        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.OrderBy(t => t.SourceKey, StringComparer.Ordinal).Select(t => t.ClockMode).Should().Equal(
            ServiceMode.Ordinary, ServiceMode.Ordinary, ServiceMode.Ordinary, ServiceMode.Ordinary, ServiceMode.Emergency, ServiceMode.Emergency);
        store().ModeReads.Should().Be(2);
    }

    [Fact]
    public async Task Polls_EachReadsTheModeAfresh()
    {
        using var harness = Harness(out var store);
        await harness.Pipeline.RunAsync(Source(batches: 1), null, CancellationToken.None);
        await harness.Store.SetModeAsync(ServiceMode.Emergency, "test", CancellationToken.None);

        await harness.Pipeline.RunAsync(Source(batches: 1, first: 10), null, CancellationToken.None);

        var tickets = await harness.Store.QueryAsync(new TicketQuery(), CancellationToken.None);
        tickets.Where(t => t.ClockMode == ServiceMode.Emergency).Select(t => t.SourceKey).Should().BeEquivalentTo("mem:inbox/10", "mem:inbox/11");
        store().ModeReads.Should().Be(2);
    }

    private PipelineHarness Harness(out Func<ModeSwitchingStore> store)
    {
        var harness = new PipelineHarness(configure: collection =>
        {
            collection.AddSingleton<TimeProvider>(_time);
            var real = collection.Single(d => d.ServiceType == typeof(ITicketStore));
            collection.Remove(real);
            collection.AddSingleton<ITicketStore>(sp => new ModeSwitchingStore((ITicketStore)real.ImplementationFactory!(sp)));
        });
        store = () => (ModeSwitchingStore)harness.Store;
        return harness;
    }

    private static MemorySource Source(int batches, int first = 1)
    {
        var source = new MemorySource("inbox", batchSize: 2);
        for (var i = first; i < first + 2 * batches; i++)
        {
            source.Add($"mem:inbox/{i}", $"Subject: Richiesta {i}\n\nVorrei sapere se domani le scuole restano chiuse ({i}).");
        }

        return source;
    }
}
