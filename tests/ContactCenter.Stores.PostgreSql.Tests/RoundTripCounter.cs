using System.Net;
using System.Runtime.CompilerServices;
using System.Net.Sockets;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// A loopback relay to the test cluster that counts the round trips made through it: each time the client speaks after
/// the server (or first on its connection) is one. Protocol-agnostic: a batch of statements sent in one flight and
/// answered once counts one, however many statements or TCP chunks it takes. The server only answers what it was
/// sent, so the two directions are never counted out of order.
/// </summary>
internal sealed class RoundTripCounter : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly int _upstreamPort;
    private int _turns;

    public RoundTripCounter(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_stop.Token);
    }

    public int Port { get; }

    public int Turns => Volatile.Read(ref _turns);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(cancellationToken);
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
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, cancellationToken);
                var serverSpokeLast = new StrongBox<bool>(true);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), upstream.GetStream(), fromClient: true, serverSpokeLast, cancellationToken),
                    PumpAsync(upstream.GetStream(), client.GetStream(), fromClient: false, serverSpokeLast, cancellationToken));
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // Either side hung up: both are closed here.
            }
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool fromClient, StrongBox<bool> serverSpokeLast, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            lock (serverSpokeLast)
            {
                if (fromClient && serverSpokeLast.Value)
                {
                    Interlocked.Increment(ref _turns);
                }

                serverSpokeLast.Value = !fromClient;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }
}
