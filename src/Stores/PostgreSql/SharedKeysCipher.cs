using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Seals the values of <c>shared_keys</c> at rest with AES-256-GCM under the key every node reads from its own
/// configuration (<see cref="PostgreSqlStoreOptions.SecretsKeyFile"/>), never from the database: a dump, a replica or a
/// role that may read the table no longer holds the form's signing keys or a mailbox's refresh token. A sealed value
/// names its key by an identifier (the first bytes of the key's SHA-256, which tell nothing of the key), so a node that
/// also holds older keys opens what they sealed; the name is the associated data, so a sealed value copied under
/// another name does not open. A value without the prefix was written before a key was configured and is read as it is
/// (<see cref="PostgreSqlSharedKeys"/> seals those, and those an older key sealed, at first use).
/// </summary>
internal sealed class SharedKeysCipher
{
    public const string Prefix = "aes256gcm:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const string Setting = $"{PostgreSqlStoreOptions.SectionName}:{nameof(PostgreSqlStoreOptions.SecretsKeyFile)}";
    private readonly IReadOnlyList<(string Id, byte[] Key)> keys;

    private SharedKeysCipher(IReadOnlyList<byte[]> keys) =>
        this.keys = [.. keys.Select(key => (Convert.ToHexStringLower(SHA256.HashData(key))[..8], key))];

    public static SharedKeysCipher None { get; } = new([]);

    public bool Seals => keys.Count > 0;

    /// <summary>The identifiers of the keys this node holds, the sealing one first.</summary>
    public IReadOnlyList<string> KeyIds => [.. keys.Select(k => k.Id)];

    /// <summary>How every value the sealing key sealed begins; any other value is sealed again at first use.</summary>
    public string SealedPrefix => Seals ? $"{Prefix}{keys[0].Id}:" : Prefix;

    public static SharedKeysCipher From(PostgreSqlStoreOptions options) => SecretsKey.Read(options) is { } read ? new(read) : None;

    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string name, string value)
    {
        if (!Seals)
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys[0].Key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(name));
        return SealedPrefix + Convert.ToBase64String(sealedBytes);
    }

    public string Open(string name, string stored)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        var separator = stored.IndexOf(':', Prefix.Length);
        var id = separator < 0 ? "" : stored[Prefix.Length..separator];
        if (!Seals)
        {
            throw new InvalidOperationException(
                $"The shared key '{name}' is encrypted, and this node has no key to open it: set {Setting} "
                + $"(or {nameof(PostgreSqlStoreOptions.SecretsKeyEnvironmentVariable)}) as on the other nodes.");
        }

        var key = keys.FirstOrDefault(k => k.Id == id).Key
            ?? throw new InvalidOperationException(
                $"The shared key '{name}' was sealed with key {id}, which this node's {Setting} does not hold: every node needs the keys the others seal with.");
        // A value cut short or no longer base64 was altered as surely as one whose tag fails, and must say so the same
        // way: the sealing pass skips exactly that error, so any other would fail every read on this node.
        var sealedBytes = TryDecode(stored.AsSpan(separator + 1));
        if (sealedBytes is null || sealedBytes.Length < NonceSize + TagSize)
        {
            throw Altered(name, id, null);
        }

        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw Altered(name, id, e);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static byte[]? TryDecode(ReadOnlySpan<char> base64)
    {
        var bytes = new byte[base64.Length * 3 / 4];
        return Convert.TryFromBase64Chars(base64, bytes, out var written) ? bytes[..written] : null;
    }

    private static InvalidOperationException Altered(string name, string id, Exception? inner) =>
        new($"The shared key '{name}' does not open with key {id} of this node's {Setting}: the value was altered or moved in the database.", inner);
}
