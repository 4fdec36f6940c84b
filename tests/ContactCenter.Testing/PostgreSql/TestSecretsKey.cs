using System.Security.Cryptography;

namespace ContactCenter.Testing.PostgreSql;

/// <summary>
/// A fresh secrets key for the PostgreSQL store's shared keys, in an environment variable of its own: a test's nodes
/// (in the test process or started from it) read it through <c>SecretsKeyEnvironmentVariable</c> as a real node would.
/// </summary>
public static class TestSecretsKey
{
    /// <summary>Sets a new variable to <paramref name="keys"/> (one key per line), or to one new key; returns the variable and its value.</summary>
    public static (string Variable, string Value) Create(string? keys = null)
    {
        var variable = "CC_TEST_SECRETS_KEY_" + Guid.NewGuid().ToString("N");
        var value = keys ?? NewKey();
        Environment.SetEnvironmentVariable(variable, value);
        return (variable, value);
    }

    /// <summary>32 random bytes in base64, as <c>openssl rand -base64 32</c> makes them.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
