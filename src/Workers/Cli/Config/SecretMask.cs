namespace ContactCenter.Workers.Cli.Config;

/// <summary>Hides values whose key looks like a secret (Password, Secret, Token, ApiKey); file paths to secrets stay visible.</summary>
internal static class SecretMask
{
    private static readonly string[] SecretWords = ["password", "secret", "token", "apikey"];

    public static bool IsSecret(string key)
    {
        var leaf = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return SecretWords.Any(leaf.Contains) && !leaf.EndsWith("file", StringComparison.Ordinal) && !leaf.EndsWith("path", StringComparison.Ordinal);
    }

    public static string? Apply(string key, string? value) =>
        value is null ? null : IsSecret(key) && value.Length > 0 ? "********" : value;
}
