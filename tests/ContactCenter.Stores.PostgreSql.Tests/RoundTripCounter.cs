using System.Net.Sockets;
using System.Runtime.CompilerServices;
using ContactCenter.Testing.Network;

namespace ContactCenter.Stores.PostgreSql.Tests;

/// <summary>
/// A loopback relay to the test cluster that counts the round trips made through it: each time the client speaks after
/// the server (or first on its connection) is one. Protocol-agnostic: a batch of statements sent in one flight and
/// answered once counts one, however many statements or TCP chunks it takes. The server only answers what it was
/// sent, so the two directions are never counted out of order.
/// </summary>
internal sealed class RoundTripCounter : LoopbackRelay
{
    private int _turns;

    public RoundTripCounter(int upstreamPort)
        : base(upstreamPort) => Start();

    public int Turns => Volatile.Read(ref _turns);

    protected override async Task RelayAsync(NetworkStream client, NetworkStream server, CancellationToken cancellationToken)
    {
        var serverSpokeLast = new StrongBox<bool>(true);
        await Task.WhenAny(
            PumpAsync(client, server, fromClient: true, serverSpokeLast, cancellationToken),
            PumpAsync(server, client, fromClient: false, serverSpokeLast, cancellationToken));
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
