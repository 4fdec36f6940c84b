using System.Runtime.CompilerServices;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.Pipeline;

/// <summary>
/// A real source, logging when each fetch starts and ends and what is acknowledged (by the first source key of the
/// batch). The fetch of batch <see cref="HoldFetch"/> (from 1) waits for <see cref="HoldFetchUntil"/> first.
/// </summary>
internal sealed class RecordingSource(IInboundSource inner, PipelineEventLog log) : IPrefetchingSource
{
    public string Name => inner.Name;

    public ChannelKind Channel => inner.Channel;

    public bool FetchesAhead => inner is IPrefetchingSource { FetchesAhead: true };

    public int HoldFetch { get; set; }

    public Task HoldFetchUntil { get; set; } = Task.CompletedTask;

    public TaskCompletionSource HeldFetchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>This acknowledgement (from 1) fails before it reaches the server, as a crash after the commit.</summary>
    public int FailAcknowledge { get; set; }

    /// <summary>This acknowledgement (from 1) waits for <see cref="HoldAcknowledgeUntil"/> (at most 10 s) before it reaches the server.</summary>
    public int HoldAcknowledge { get; set; }

    public Task HoldAcknowledgeUntil { get; set; } = Task.CompletedTask;

    private int acknowledgements;

    public async IAsyncEnumerable<InboundBatch> PollAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var batches = inner.PollAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (batches)
        {
            for (var number = 1; ; number++)
            {
                if (number == HoldFetch)
                {
                    await HoldFetchUntil.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
                }

                log.Add($"fetch {number} started");
                if (number == HoldFetch)
                {
                    HeldFetchStarted.TrySetResult();
                }

                if (!await batches.MoveNextAsync())
                {
                    yield break;
                }

                log.Add($"fetch {number} ended {batches.Current.Items[0].SourceKey}");
                yield return batches.Current;
            }
        }
    }

    public async ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref acknowledgements);
        if (number == FailAcknowledge)
        {
            log.Add($"ack failed {items[0].SourceKey}");
            throw new IOException("Connection reset by peer");
        }

        if (number == HoldAcknowledge)
        {
            await HoldAcknowledgeUntil.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }

        await inner.AcknowledgeAsync(items, cancellationToken);
        log.Add($"ack {items[0].SourceKey} ({items.Count})");
    }

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) =>
        inner.RejectAsync(item, reason, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
