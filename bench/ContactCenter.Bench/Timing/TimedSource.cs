using System.Diagnostics;
using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Bench.Timing;

/// <summary>A source whose fetches (each batch's MoveNextAsync) and acknowledgements are timed.</summary>
internal sealed class TimedSource(IInboundSource inner, PhaseClock clock) : IPrefetchingSource
{
    public string Name => inner.Name;

    public bool FetchesAhead => inner is IPrefetchingSource { FetchesAhead: true };

    public ChannelKind Channel => inner.Channel;

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batches = inner.PollAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (batches)
        {
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var more = await batches.MoveNextAsync();
                clock.Add("source.fetch", started);
                if (!more)
                {
                    yield break;
                }

                yield return batches.Current;
            }
        }
    }

    public async ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await inner.AcknowledgeAsync(items, cancellationToken);
        clock.Add("source.acknowledge", started);
    }

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        inner.RejectAsync(item, reason, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
