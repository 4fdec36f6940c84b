namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Reads the SMTP password from where it is configured, at connect time so that a rotated secret is picked up;
/// a relative file name is looked up in <c>CREDENTIALS_DIRECTORY</c> first, as for the mailboxes.</summary>
internal static class SmtpPassword
{
    public static async ValueTask<string?> ResolveAsync(SmtpOptions options, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            var text = await File.ReadAllTextAsync(Email.MailPassword.ResolveFile(options.PasswordFile), cancellationToken).ConfigureAwait(false);
            return text.TrimEnd('\r', '\n');
        }

        if (!string.IsNullOrEmpty(options.PasswordEnvironmentVariable))
        {
            return Environment.GetEnvironmentVariable(options.PasswordEnvironmentVariable);
        }

        return options.Password;
    }
}
