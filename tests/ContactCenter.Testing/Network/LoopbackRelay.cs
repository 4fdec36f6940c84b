using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Testing.Network;

/// <summary>
/// A loopback TCP relay to a server on this machine, for what a test or the bench wants of the link between: each
/// connection made to <see cref="Port"/> is joined to a new one to the server and handed to <see cref="RelayAsync"/>.
/// </summary>
public abstract class LoopbackRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int _upstreamPort;
    private Task _accepting = Task.CompletedTask;

    protected LoopbackRelay(int upstreamPort) => _upstreamPort = upstreamPort;

    public int Port { get; private set; }

    /// <summary>Starts listening; the derived constructor calls it once its own state is set.</summary>
    protected void Start()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>Carries one connection's bytes both ways until either side hangs up (or <paramref name="cancellationToken"/>).</summary>
    protected abstract Task RelayAsync(NetworkStream client, NetworkStream server, CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(cancellationToken);
            _ = JoinAsync(client, cancellationToken);
        }
    }

    private async Task JoinAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using (client)
        using (var upstream = new TcpClient { NoDelay = true })
        {
            client.NoDelay = true;
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, cancellationToken);
                await RelayAsync(client.GetStream(), upstream.GetStream(), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side hung up: both are closed here, as a link that went down.
            }
        }
    }
}
