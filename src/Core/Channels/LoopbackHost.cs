using System.Net;

namespace ContactCenter.Core.Channels;

/// <summary>
/// Whether a host name as configured or as sent in a request is this machine: <c>localhost</c> or a literal loopback
/// address (brackets around IPv6 allowed), never a name that merely starts like one (<c>127.0.0.1.example.it</c>).
/// One rule for the control endpoint's Host filter and for every warning about a connection without TLS.
/// </summary>
public static class LoopbackHost
{
    public static bool Is(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
