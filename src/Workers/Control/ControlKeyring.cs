using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Workers.Control;

/// <summary>
/// The keys the endpoint accepts: the configured ones (by hash) and the local key the service wrote for the CLI, which
/// counts only on the loopback listener. Without configured keys the loopback listener is open, as it always was.
/// </summary>
internal sealed class ControlKeyring
{
    private readonly (string Name, ControlRole Role, byte[] Digest)[] keys;
    private readonly int loopbackPort;
    private byte[]? localDigest;

    public ControlKeyring(ControlOptions options)
    {
        loopbackPort = options.ParsedUrl.Port;
        keys = [.. options.ApiKeys.Select(k => (k.Key, k.Value.Role, ApiKeyHash.TryParse(k.Value.Hash, out var d) ? d : []))];
    }

    public const string LocalKeyName = "local";

    /// <summary>No key configured: the loopback listener answers everyone on this machine, as before keys existed.</summary>
    public bool IsOpen => keys.Length == 0;

    public void SetLocalKey(string key) => localDigest = ApiKeyHash.Digest(key);

    public bool IsLoopbackListener(ConnectionInfo connection) =>
        connection.LocalPort == loopbackPort && connection.LocalIpAddress is { } local && IPAddress.IsLoopback(local);

    /// <summary>The key's name and role, or null. Every configured digest is compared, in constant time each.</summary>
    public (string Name, ControlRole Role)? Find(string key, bool onLoopbackListener)
    {
        var digest = ApiKeyHash.Digest(key);
        (string, ControlRole)? found = null;
        foreach (var (name, role, stored) in keys)
        {
            if (stored.Length == digest.Length && CryptographicOperations.FixedTimeEquals(stored, digest))
            {
                found ??= (name, role);
            }
        }

        if (found is null && onLoopbackListener && localDigest is { } local && CryptographicOperations.FixedTimeEquals(local, digest))
        {
            found = (LocalKeyName, ControlRole.Admin);
        }

        return found;
    }
}
