using System.Net;
using System.Net.Sockets;

namespace ContactCenter.WebForm;

/// <summary>
/// What a rate limit counts as one client: an IPv4 address, or an IPv6 address's /64. An ordinary IPv6 subscriber
/// holds a whole /64 (2^64 addresses), so a limit per address would give each of them unlimited fresh allowances.
/// </summary>
internal static class ClientNetwork
{
    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
