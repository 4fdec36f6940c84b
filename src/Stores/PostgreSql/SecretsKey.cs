namespace ContactCenter.Stores.PostgreSql;

/// <summary>Reads the shared keys' encryption key (32 random bytes in base64, e.g. <c>openssl rand -base64 32</c>) from the one source the options name.</summary>
internal static class SecretsKey
{
    public const int Size = 32;

    /// <summary>The key, or null when none is configured; a source that is missing or holds no 32-byte key throws, naming the setting.</summary>
    public static byte[]? Read(PostgreSqlStoreOptions options)
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
            var path = PostgreSqlPassword.ResolveFile(options.SecretsKeyFile);
            text = File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"{setting}: no file {path}.");
        }
        else
        {
            return null;
        }

        var key = new byte[Size];
        return Convert.TryFromBase64String(text.Trim(), key, out var written) && written == Size
            ? key
            : throw new InvalidOperationException($"{setting} must hold {Size} random bytes in base64 (e.g. the output of `openssl rand -base64 32`).");
    }
}
