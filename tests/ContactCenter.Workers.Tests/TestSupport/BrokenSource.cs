using System.Net.Sockets;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>A source whose server is down: every poll fails to connect.</summary>
internal sealed class BrokenSource(string name) : IInboundSource
{
    private int polls;

    public string Name { get; } = name;

    public ChannelKind Channel => ChannelKind.Email;

    public int Polls => Volatile.Read(ref polls);

    public IAsyncEnumerable<InboundBatch> PollAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref polls);
        throw new SocketException((int)SocketError.ConnectionRefused);
    }

    public ValueTask AcknowledgeAsync(IReadOnlyList<InboundItem> items, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RejectAsync(InboundItem item, string reason, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
