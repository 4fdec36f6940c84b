using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using ContactCenter.Testing.Network;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// A loopback TCP relay that delivers every chunk <see cref="OneWay"/> after it arrived, in each direction: a link to
/// a mail server elsewhere (a provider, another site), with its round trips, on one machine. Latency only: chunks are
/// read as fast as they come and queued, so a long transfer is not slowed beyond the delay.
/// </summary>
internal sealed class DelayingProxy : LoopbackRelay
{
    public DelayingProxy(int upstreamPort, TimeSpan oneWay)
        : base(upstreamPort)
    {
        OneWay = oneWay;
        Start();
    }

    public TimeSpan OneWay { get; }

    protected override async Task RelayAsync(NetworkStream client, NetworkStream server, CancellationToken cancellationToken) =>
        await Task.WhenAny(PumpAsync(client, server, cancellationToken), PumpAsync(server, client, cancellationToken));

    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var delivering = DeliverAsync(queue.Reader, to, cancellationToken);
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                queue.Writer.TryWrite((Stopwatch.GetTimestamp() + (long)(OneWay.TotalSeconds * Stopwatch.Frequency), buffer[..read]));
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await delivering;
    }

    private static async Task DeliverAsync(ChannelReader<(long Due, byte[] Data)> queue, NetworkStream to, CancellationToken cancellationToken)
    {
        await foreach (var (due, data) in queue.ReadAllAsync(cancellationToken))
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            await to.WriteAsync(data, cancellationToken);
        }
    }
}
