using System.Security.Cryptography;
using System.Text;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Seals the values of <c>shared_keys</c> at rest with AES-256-GCM under the key every node reads from its own
/// configuration (<see cref="PostgreSqlStoreOptions.SecretsKeyFile"/>), never from the database: a dump, a replica or a
/// role that may read the table no longer holds the form's signing keys or a mailbox's refresh token. The name is the
/// associated data, so a sealed value copied under another name does not open. A value without the prefix was written
/// before a key was configured and is read as it is (<see cref="PostgreSqlSharedKeys"/> seals those at first use).
/// </summary>
internal sealed class SharedKeysCipher
{
    public const string Prefix = "aes256gcm:";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[]? key;

    private SharedKeysCipher(byte[]? key) => this.key = key;

    public static SharedKeysCipher None { get; } = new(null);

    public bool Seals => key is not null;

    public static SharedKeysCipher From(PostgreSqlStoreOptions options) => SecretsKey.Read(options) is { } key ? new(key) : None;

    public static bool IsSealed(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Seal(string name, string value)
    {
        if (key is null)
        {
            return value;
        }

        var plain = Encoding.UTF8.GetBytes(value);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), Encoding.UTF8.GetBytes(name));
        return Prefix + Convert.ToBase64String(sealedBytes);
    }

    public string Open(string name, string stored)
    {
        if (!IsSealed(stored))
        {
            return stored;
        }

        if (key is null)
        {
            throw new InvalidOperationException(
                $"The shared key '{name}' is encrypted, and this node has no key to open it: set {PostgreSqlStoreOptions.SectionName}:{nameof(PostgreSqlStoreOptions.SecretsKeyFile)} "
                + $"(or {nameof(PostgreSqlStoreOptions.SecretsKeyEnvironmentVariable)}) as on the other nodes.");
        }

        var sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize), plain, Encoding.UTF8.GetBytes(name));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidOperationException(
                $"The shared key '{name}' does not open with this node's {PostgreSqlStoreOptions.SectionName}:{nameof(PostgreSqlStoreOptions.SecretsKeyFile)}: "
                + "every node needs the same key (or the value was altered or moved in the database).", e);
        }

        return Encoding.UTF8.GetString(plain);
    }
}
