using ContactCenter.Core.Configuration;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// Reads the shared keys' encryption keys from the one source the options name: 32 random bytes in base64 per line
/// (e.g. <c>openssl rand -base64 32</c>). The first line seals; every line opens, so a key is rotated by putting the
/// new one first on every node and removing the old line once the nodes have sealed everything again.
/// </summary>
internal static class SecretsKey
{
    public const int Size = 32;

    /// <summary>The keys, the sealing one first, or null when none is configured; a source that is missing or holds anything but 32-byte keys throws, naming the setting.</summary>
    public static IReadOnlyList<byte[]>? Read(PostgreSqlStoreOptions options)
    {
        string setting;
        string? text;
        if (!string.IsNullOrWhiteSpace(options.SecretsKeyEnvironmentVariable))
        {
            setting = $"{PostgreSqlStoreOptions.SectionName}:{nameof(options.SecretsKeyEnvironmentVariable)}";
            text = Environment.GetEnvironmentVariable(options.SecretsKeyEnvironmentVariable)
                ?? throw new InvalidOperationException($"The environment variable {options.SecretsKeyEnvironmentVariable} named by {setting} is not set.");
        }
        else if (!string.IsNullOrWhiteSpace(options.SecretsKeyFile))
        {
            setting = $"{PostgreSqlStoreOptions.SectionName}:{nameof(options.SecretsKeyFile)}";
            var path = SecretFile.Resolve(options.SecretsKeyFile);
            text = File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{setting}: no file {path}.");
        }
        else
        {
            return null;
        }

        var keys = new List<byte[]>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var key = new byte[Size];
            keys.Add(Convert.TryFromBase64String(line, key, out var written) && written == Size
                ? key
                : throw new InvalidOperationException(
                    $"{setting} must hold {Size} random bytes in base64 per line (e.g. the output of `openssl rand -base64 32`); line {keys.Count + 1} does not."));
        }

        return keys.Count > 0 ? keys : throw new InvalidOperationException($"{setting} names no key: give {Size} random bytes in base64 (e.g. the output of `openssl rand -base64 32`).");
    }
}
