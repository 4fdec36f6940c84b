using ContactCenter.Core.Storage;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// The first dispatch waits (up to 30 s) for the normaliser to start on the next batch; the second can fail. It also
/// notes how many items the source had acknowledged when each commit returned.
/// </summary>
internal sealed class GatedStore(ITicketStore inner) : TicketStoreDecorator
{
    /// <summary>Items per batch in the tests that use this store: more normaliser calls mean the next batch started.</summary>
    public const int BatchSize = 2;

    private int dispatches;
    private int knownQueries;
    private int heldKnownQuery;

    public TextNormalizer? Normalizer { get; set; }

    public bool FailSecondDispatch { get; set; }

    public bool SawNextBatchNormalised { get; private set; }

    public Action? Dispatched { get; set; }

    public List<int> AcknowledgedAtCommit { get; } = [];

    public MemorySource? Source { get; set; }

    public bool SawNormalisingBeforeKnownAnswer { get; private set; }

    protected override ITicketStore Inner => inner;

    /// <summary>Replaces the harness's ticket store with a gated one around it.</summary>
    public static void Replace(IServiceCollection collection)
    {
        var real = collection.Single(d => d.ServiceType == typeof(ITicketStore));
        collection.Remove(real);
        collection.AddSingleton(sp => new GatedStore((ITicketStore)real.ImplementationFactory!(sp)));
        collection.AddSingleton<ITicketStore>(sp => sp.GetRequiredService<GatedStore>());
    }

    /// <summary>
    /// Holds the known-items query numbered <paramref name="query"/> (from 1) until normalising starts on an item it asks
    /// about; items whose normalising started before this call do not count.
    /// </summary>
    public void HoldKnownQuery(int query)
    {
        Normalizer!.ForgetStarted();
        heldKnownQuery = query;
    }

    public override async Task<IReadOnlyDictionary<string, string?>> FindKnownSourcesAsync(
        IReadOnlyCollection<string> sourceKeys, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref knownQueries) == heldKnownQuery)
        {
            // Held until normalising starts on an item of this very batch (it may have started before the query did).
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (!Normalizer!.Started(sourceKeys) && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(10, CancellationToken.None);
            }

            SawNormalisingBeforeKnownAnswer = Normalizer.Started(sourceKeys);
        }

        return await inner.FindKnownSourcesAsync(sourceKeys, cancellationToken);
    }

    public override async Task<IReadOnlyList<DispatchOutcome>> DispatchAsync(IReadOnlyList<DispatchRequest> batch, CancellationToken cancellationToken)
    {
        var number = ++dispatches;
        if (number == 1)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (Normalizer!.Calls <= BatchSize && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(10, CancellationToken.None);
            }

            SawNextBatchNormalised = Normalizer.Calls > BatchSize;
        }

        if (number == 2 && FailSecondDispatch)
        {
            throw new IOException("No space left on device");
        }

        var outcomes = await inner.DispatchAsync(batch, cancellationToken);
        AcknowledgedAtCommit.Add(Source?.Acknowledged.Count ?? -1);
        Dispatched?.Invoke();
        return outcomes;
    }
}
