using ContactCenter.Core.Receipts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>Checks <c>ContactCenter:Receipts</c> at start: every error names its key.</summary>
internal sealed class ReceiptOptionsValidator : IValidateOptions<ReceiptOptions>
{
    private const string Prefix = ReceiptOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, ReceiptOptions options)
    {
        var errors = new List<string>();
        if (options.MaxPerSenderPerDay < 1)
        {
            errors.Add($"{Prefix}MaxPerSenderPerDay must be at least 1.");
        }

        if (options.MaxMessageAge <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}MaxMessageAge must be positive, e.g. 2.00:00:00.");
        }

        if (options.RetryBackoff.Initial <= TimeSpan.Zero || options.RetryBackoff.Max < options.RetryBackoff.Initial)
        {
            errors.Add($"{Prefix}RetryBackoff:Initial must be positive and {Prefix}RetryBackoff:Max at least as long.");
        }

        if (options.MaxAttempts < 1 || options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{Prefix}MaxAttempts must be at least 1 and {Prefix}BatchSize between 1 and 1000.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            errors.Add($"{Prefix}TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.Enabled)
        {
            ValidateSending(options, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateSending(ReceiptOptions options, List<string> errors)
    {
        if (!MailboxAddress.TryParse(options.From, out _))
        {
            errors.Add($"{Prefix}From must be an address such as 'Contact Center <contactcenter@example.it>' when receipts are enabled.");
        }

        if (string.IsNullOrWhiteSpace(options.SubjectTemplate))
        {
            errors.Add($"{Prefix}SubjectTemplate must not be empty.");
        }

        RequireFile(nameof(options.TemplateText), options.TemplateText, required: true, errors);
        RequireFile(nameof(options.TemplateHtml), options.TemplateHtml, required: false, errors);
        RequireFile(nameof(options.EmergencyTemplateText), options.EmergencyTemplateText, required: true, errors);
        RequireFile(nameof(options.EmergencyTemplateHtml), options.EmergencyTemplateHtml, required: false, errors);
    }

    private static void RequireFile(string key, string? path, bool required, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                errors.Add($"{Prefix}{key} must name a template file.");
            }

            return;
        }

        if (!File.Exists(TemplatePath.Resolve(path)))
        {
            errors.Add($"{Prefix}{key}: template file '{TemplatePath.Resolve(path)}' not found.");
        }
    }
}
