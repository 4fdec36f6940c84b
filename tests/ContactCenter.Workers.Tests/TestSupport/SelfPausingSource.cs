using System.Net.Sockets;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>Like the mail sources: fails once, then pauses itself (and would yield nothing) while its backoff runs.</summary>
internal sealed class SelfPausingSource(string name) : IInboundSource, IBackoffReportingSource
{
    private int polls;

    public string Name { get; } = name;

    public ChannelKind Channel => ChannelKind.Email;

    public bool IsBackingOff => Polls > 0;

    public int Polls => Volatile.Read(ref polls);

    public async IAsyncEnumerable<InboundBatch> PollAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref polls);
        await Task.Yield();
        throw new SocketException((int)SocketError.ConnectionRefused);
#pragma warning disable CS0162 // The iterator needs a yield to be one.
        yield break;
#pragma warning restore CS0162
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
