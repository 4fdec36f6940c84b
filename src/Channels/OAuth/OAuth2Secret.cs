using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.OAuth;

/// <summary>Reads a secret from its single configured form, at every token request (so rotation needs no restart).</summary>
internal static class OAuth2Secret
{
    public static int Count(string? value, string? file, string? variable) =>
        (value is not null ? 1 : 0) + (string.IsNullOrWhiteSpace(file) ? 0 : 1) + (string.IsNullOrWhiteSpace(variable) ? 0 : 1);

    /// <summary>Null when none of the three is set.</summary>
    public static async Task<string?> ReadAsync(string? value, string? file, string? variable, string what, CancellationToken cancellationToken)
    {
        if (value is not null)
        {
            return value;
        }

        if (!string.IsNullOrWhiteSpace(variable))
        {
            return Environment.GetEnvironmentVariable(variable)
                ?? throw new OAuth2TokenException($"the environment variable {variable} holding the {what} is not set");
        }

        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }

        try
        {
            var text = await File.ReadAllTextAsync(SecretFile.Resolve(file), cancellationToken).ConfigureAwait(false);
            return text.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OAuth2TokenException($"the {what} file {file} cannot be read ({ex.GetType().Name})", ex);
        }
    }
}
