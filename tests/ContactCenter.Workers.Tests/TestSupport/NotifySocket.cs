using System.Net.Sockets;
using System.Text;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.TestSupport;

/// <summary>
/// What systemd listens on for a <c>Type=notify</c> unit (<c>NOTIFY_SOCKET</c>): a Unix datagram socket in a private
/// folder, every message it receives kept, one per line of state.
/// </summary>
internal sealed class NotifySocket : IDisposable
{
    private readonly TempDirectory folder = new("cc-notify");
    private readonly Socket socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly List<string> received = [];
    private readonly CancellationTokenSource stop = new();

    public NotifySocket()
    {
        Path = folder.Combine("notify");
        socket.Bind(new UnixDomainSocketEndPoint(Path));
        _ = ReceiveAsync();
    }

    public string Path { get; }

    public IReadOnlyList<string> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        folder.Dispose();
        stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token);
                lock (received)
                {
                    received.AddRange(Encoding.UTF8.GetString(buffer, 0, length).Split('\n', StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }
}
