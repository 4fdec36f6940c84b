using System.Net;
using System.Net.Sockets;

namespace ContactCenter.Testing.Dovecot;

/// <summary>
/// An unused loopback port for a server a test starts (Dovecot, PostgreSQL, Kestrel), free when asked but bound only
/// later by that server. Taken at random below the kernel's ephemeral range: a port the kernel handed out for
/// <c>bind(0)</c> lies in the range it also gives every outgoing connection, and one did take such a port between the
/// asking and the binding (a token server's, "address already in use", with the other test processes connecting
/// meanwhile). No port is handed out twice by one process. Where the range cannot be read, the kernel picks.
/// </summary>
public static class FreePort
{
    private const int Span = 12_000;
    private static readonly HashSet<int> HandedOut = [];
    private static readonly int? EphemeralStart = ReadEphemeralStart();

    public static int Next()
    {
        if (EphemeralStart is not { } start || start - Span < 1024)
        {
            return Bound(0);
        }

        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(start - Span, start);
            lock (HandedOut)
            {
                if (HandedOut.Contains(port) || !IsFree(port))
                {
                    continue;
                }

                HandedOut.Add(port);
                return port;
            }
        }

        return Bound(0);
    }

    private static bool IsFree(int port)
    {
        try
        {
            Bound(port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Binds the port (0: the kernel's choice) and releases it again.</summary>
    private static int Bound(int port)
    {
        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int? ReadEphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
