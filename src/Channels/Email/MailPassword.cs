using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.Email;

/// <summary>Reads the password from whichever single source the options name, at connect time (so rotation needs no restart).</summary>
internal static class MailPassword
{
    public static int SourceCount(MailConnectionOptions options) =>
        (options.Password is not null ? 1 : 0)
        + (string.IsNullOrWhiteSpace(options.PasswordFile) ? 0 : 1)
        + (string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable) ? 0 : 1);

    public static async Task<string> ReadAsync(MailConnectionOptions options, CancellationToken cancellationToken)
    {
        if (options.Password is not null)
        {
            return options.Password;
        }

        if (!string.IsNullOrWhiteSpace(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable)
                ?? throw new InvalidOperationException(
                    $"The environment variable {options.PasswordEnvironmentVariable} holding the password is not set.");
        }

        if (!string.IsNullOrWhiteSpace(options.PasswordFile))
        {
            var path = SecretFile.Resolve(options.PasswordFile);
            var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
            return text.Trim();
        }

        throw new InvalidOperationException("No password source configured (Password, PasswordFile or PasswordEnvironmentVariable).");
    }
}
