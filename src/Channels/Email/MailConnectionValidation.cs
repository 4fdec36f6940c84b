using ContactCenter.Channels.OAuth;

namespace ContactCenter.Channels.Email;

/// <summary>The checks an attribute cannot express for IMAP and POP3 channels.</summary>
internal static class MailConnectionValidation
{
    public static void Check(MailConnectionOptions options, string path, List<string> errors)
    {
        var sources = MailPassword.SourceCount(options);
        if (options.Auth == MailAuthentication.OAuth2)
        {
            OAuth2Validation.Check(options.OAuth2, $"{path}:OAuth2", errors);
            if (sources != 0)
            {
                errors.Add($"{path}:Password: not used with Auth OAuth2; remove Password, PasswordFile and PasswordEnvironmentVariable");
            }
        }
        else if (!Enum.IsDefined(options.Auth))
        {
            errors.Add($"{path}:Auth: must be one of {string.Join(", ", Enum.GetNames<MailAuthentication>())}");
        }
        else if (sources != 1)
        {
            errors.Add($"{path}:Password: set exactly one of Password, PasswordFile, PasswordEnvironmentVariable (found {sources})");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}:Timeout: must be positive");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            errors.Add($"{path}:RetryDelay: must be positive");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            errors.Add($"{path}:MaxRetryDelay: must be at least RetryDelay ({options.RetryDelay})");
        }

        if (!Enum.IsDefined(options.Security))
        {
            errors.Add($"{path}:Security: must be one of {string.Join(", ", Enum.GetNames<MailSecurity>())}");
        }
    }
}
