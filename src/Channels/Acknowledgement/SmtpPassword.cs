using ContactCenter.Core.Configuration;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Reads the SMTP password from where it is configured, at connect time so that a rotated secret is picked up;
/// a relative file name is looked up in <c>CREDENTIALS_DIRECTORY</c> first, as for the mailboxes.</summary>
internal static class SmtpPassword
{
    /// <exception cref="InvalidOperationException">The environment variable named for it is not set: said, instead of an empty password the relay refuses.</exception>
    public static async ValueTask<string> ResolveAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            var text = await File.ReadAllTextAsync(SecretFile.Resolve(options.PasswordFile), cancellationToken).ConfigureAwait(false);
            return text.TrimEnd('\r', '\n');
        }

        if (!string.IsNullOrEmpty(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable)
                ?? throw new InvalidOperationException(
                    $"The environment variable {options.PasswordEnvironmentVariable} holding the SMTP password (ContactCenter:Smtp:PasswordEnvironmentVariable) is not set.");
        }

        return options.Password ?? "";
    }
}
