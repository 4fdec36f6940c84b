using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ContactCenter.Bench.Mail;

/// <summary>
/// A loopback TCP relay that delivers every chunk <see cref="OneWay"/> after it arrived, in each direction: a link to
/// a mail server elsewhere (a provider, another site), with its round trips, on one machine. Latency only: chunks are
/// read as fast as they come and queued, so a long transfer is not slowed beyond the delay.
/// </summary>
internal sealed class DelayingProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private readonly int upstreamPort;

    public DelayingProxy(int upstreamPort, TimeSpan oneWay)
    {
        this.upstreamPort = upstreamPort;
        OneWay = oneWay;
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(stop.Token);
    }

    public int Port { get; }

    public TimeSpan OneWay { get; }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            _ = RelayAsync(client, cancellationToken);
        }
    }

    private async Task RelayAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var upstream = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, upstreamPort, cancellationToken);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), upstream.GetStream(), cancellationToken),
                    PumpAsync(upstream.GetStream(), client.GetStream(), cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side hung up: both are closed below, as a link that went down.
            }
        }
    }

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
