using System.Text;
using ContactCenter.Core.Configuration;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// The signing key of a webhook. A secret written as <c>whsec_BASE64</c> (what Standard Webhooks libraries generate
/// and expect) is the base64-decoded bytes; any other secret is its UTF-8 bytes.
/// </summary>
internal static class WebhookSecret
{
    public const int MinimumBytes = 24;
    private const string Prefix = "whsec_";

    public static int SourceCount(WebhookEndpointOptions options) =>
        (options.Secret is not null ? 1 : 0)
        + (string.IsNullOrWhiteSpace(options.SecretFile) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(options.SecretEnvironmentVariable) ? 0 : 1);

    /// <summary>Reads the key now (so a rotated file needs no restart); throws with the source named, never the value.</summary>
    public static byte[] ReadKey(WebhookEndpointOptions options)
    {
        string text;
        if (options.Secret is not null)
        {
            text = options.Secret;
        }
        else if (!string.IsNullOrWhiteSpace(options.SecretEnvironmentVariable))
        {
            text = Environment.GetEnvironmentVariable(options.SecretEnvironmentVariable)
                ?? throw new InvalidOperationException($"the environment variable {options.SecretEnvironmentVariable} holding the secret is not set");
        }
        else if (!string.IsNullOrWhiteSpace(options.SecretFile))
        {
            var path = SecretFile.Resolve(options.SecretFile);
            text = File.Exists(path) ? File.ReadAllText(path) : throw new InvalidOperationException($"the secret file {path} does not exist");
        }
        else
        {
            throw new InvalidOperationException("no secret configured (SecretFile, SecretEnvironmentVariable or Secret)");
        }

        return Decode(text.Trim());
    }

    public static byte[] Decode(string secret)
    {
        if (secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            try
            {
                return Convert.FromBase64String(secret[Prefix.Length..]);
            }
            catch (FormatException)
            {
                throw new InvalidOperationException("a secret starting with whsec_ must continue with base64");
            }
        }

        return Encoding.UTF8.GetBytes(secret);
    }
}
