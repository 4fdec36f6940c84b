using ContactCenter.Core.Configuration;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Email;

/// <summary>Checks <see cref="MailNormalizerOptions"/> at start, naming the configuration key that is wrong.</summary>
internal sealed class MailNormalizerOptionsValidator : IValidateOptions<MailNormalizerOptions>
{
    private const string Prefix = MailNormalizerOptions.SectionName + ":";
    private const int MaxBodyCharsLimit = 4_000_000;

    public ValidateOptionsResult Validate(string? name, MailNormalizerOptions options)
    {
        var errors = new List<string>();
        EnumSetting.Check(errors, Prefix + nameof(options.FollowUpFromStrangers), options.FollowUpFromStrangers);
        if (options.MaxMessageBytes < 1024)
        {
            errors.Add($"{Prefix}MaxMessageBytes must be at least 1024 bytes (was {options.MaxMessageBytes}).");
        }

        if (options.MaxAttachments < 1)
        {
            errors.Add($"{Prefix}MaxAttachments must be at least 1 (was {options.MaxAttachments}).");
        }

        if (options.MaxMimeDepth is < 2 or > 1024)
        {
            errors.Add($"{Prefix}MaxMimeDepth must be between 2 and 1024 (was {options.MaxMimeDepth}).");
        }

        if (options.MaxMimeParts is < 10 or > 100_000)
        {
            errors.Add($"{Prefix}MaxMimeParts must be between 10 and 100000 (was {options.MaxMimeParts}).");
        }

        if (options.MaxHeaderBytes is < 1024 or > 16 * 1024 * 1024)
        {
            errors.Add($"{Prefix}MaxHeaderBytes must be between 1024 and 16777216 (was {options.MaxHeaderBytes}).");
        }

        if (options.MaxSubjectChars is < 100 or > 100_000)
        {
            errors.Add($"{Prefix}MaxSubjectChars must be between 100 and 100000 (was {options.MaxSubjectChars}).");
        }

        if (options.MaxAttachmentBytes < 1024)
        {
            errors.Add($"{Prefix}MaxAttachmentBytes must be at least 1024 bytes (was {options.MaxAttachmentBytes}).");
        }

        if (options.MaxBodyChars is < 1000 or > MaxBodyCharsLimit)
        {
            // The upper bound keeps a ticket well inside LiteDB's 16 MB document limit.
            errors.Add($"{Prefix}MaxBodyChars must be between 1000 and {MaxBodyCharsLimit} (was {options.MaxBodyChars}).");
        }

        for (var i = 0; i < options.OwnAddresses.Count; i++)
        {
            var entry = options.OwnAddresses[i];
            if (string.IsNullOrWhiteSpace(entry) || entry.Any(char.IsWhiteSpace) || entry.Trim('@').Length == 0)
            {
                errors.Add($"{Prefix}OwnAddresses:{i} must be an address or a domain without spaces (was '{entry}').");
            }
        }

        for (var i = 0; i < options.NoReplyPatterns.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.NoReplyPatterns[i]))
            {
                errors.Add($"{Prefix}NoReplyPatterns:{i} must not be empty.");
            }
        }

        if (!IsKnownCharset(options.FallbackCharset))
        {
            errors.Add($"{Prefix}FallbackCharset must be a charset name such as windows-1252 or iso-8859-15 (was '{options.FallbackCharset}').");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsKnownCharset(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            MailTextEncodings.Resolve(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
