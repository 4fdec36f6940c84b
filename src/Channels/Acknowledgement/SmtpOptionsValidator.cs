using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Configuration;
using ContactCenter.Core.Receipts;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Checks <c>ContactCenter:Smtp</c>; the relay is required only when receipts are enabled.</summary>
internal sealed class SmtpOptionsValidator(IOptions<ReceiptOptions> receipts) : IValidateOptions<SmtpOptions>
{
    private const string Prefix = SmtpOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!receipts.Value.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            errors.Add($"{Prefix}Host is required when {ReceiptOptions.SectionName}:Enabled is true.");
        }

        if (options.Port is < 1 or > 65535)
        {
            errors.Add($"{Prefix}Port must be between 1 and 65535.");
        }

        EnumSetting.Check(errors, Prefix + nameof(options.Security), options.Security);
        EnumSetting.Check(errors, Prefix + nameof(options.Auth), options.Auth);
        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}Timeout must be positive, e.g. 00:00:30.");
        }

        if (!string.IsNullOrEmpty(options.PasswordFile) && !File.Exists(SecretFile.Resolve(options.PasswordFile)))
        {
            errors.Add($"{Prefix}PasswordFile '{options.PasswordFile}' not found.");
        }

        if (options.Auth == MailAuthentication.OAuth2)
        {
            if (string.IsNullOrWhiteSpace(options.User))
            {
                errors.Add($"{Prefix}User is required with Auth OAuth2 (the mailbox the receipts are sent as).");
            }

            OAuth2Validation.Check(options.OAuth2, $"{Prefix}OAuth2", errors);
        }
        else if (!string.IsNullOrEmpty(options.User) && string.IsNullOrEmpty(options.Password)
            && string.IsNullOrEmpty(options.PasswordFile) && string.IsNullOrEmpty(options.PasswordEnvironmentVariable))
        {
            errors.Add($"{Prefix}User is set: give Password, PasswordFile or PasswordEnvironmentVariable.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
