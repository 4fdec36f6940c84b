using System.Net;

namespace ContactCenter.Channels.Email;

/// <summary>Whether a configured host name is this machine: the one place where a connection without TLS carries no password over a network.</summary>
internal static class MailHost
{
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
