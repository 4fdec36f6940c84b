namespace ContactCenter.Workers.Cli.Config;

/// <summary>
/// Hides values whose key looks like a secret (Password, Secret, Token, ApiKey), and the secrets inside other values
/// (<see cref="SecretText"/>); file paths to secrets stay visible.
/// </summary>
internal static class SecretMask
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey"];

    public static bool IsSecret(string key)
    {
        var leaf = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return SecretWords.Any(leaf.Contains) && !leaf.EndsWith("file", StringComparison.Ordinal) && !leaf.EndsWith("path", StringComparison.Ordinal);
    }

    public static string? Apply(string key, string? value)
    {
        if (value is null || value.Length == 0)
        {
            return value;
        }

        var leaf = key[(key.LastIndexOf(':') + 1)..];
        return IsSecret(key) ? SecretText.Hidden
            : leaf.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) ? SecretText.ConnectionString(value)
            : value.Contains("://", StringComparison.Ordinal) ? SecretText.Url(value, hidePath: key.Contains(":Webhooks:", StringComparison.OrdinalIgnoreCase))
            : value;
    }
}
