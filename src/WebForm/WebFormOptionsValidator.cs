using System.Net;
using Microsoft.Extensions.Options;

namespace ContactCenter.WebForm;

/// <summary>Checks <see cref="WebFormOptions"/> when the form is enabled, each message naming its key.</summary>
internal sealed class WebFormOptionsValidator : IValidateOptions<WebFormOptions>
{
    private const string Prefix = WebFormOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WebFormOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var errors = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.PathAndQuery != "/" || url.IsDefaultPort)
        {
            errors.Add($"{Prefix}:Url: '{options.Url}' is not an http URL with an explicit port and no path, like http://127.0.0.1:5290.");
        }

        if (options.PathBase.Length > 0 && (!options.PathBase.StartsWith('/') || options.PathBase.EndsWith('/') || options.PathBase.Contains("//", StringComparison.Ordinal)))
        {
            errors.Add($"{Prefix}:PathBase: '{options.PathBase}' must start with '/' and not end with one, like /modulo.");
        }

        if (options.PublicUrl is { } publicUrl && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            errors.Add($"{Prefix}:PublicUrl: '{publicUrl}' is not an absolute http(s) URL.");
        }

        errors.AddRange(options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"{Prefix}:KnownProxies: '{p}' is not an IP address."));
        errors.AddRange(options.KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"{Prefix}:KnownNetworks: '{n}' is not a CIDR network like 10.0.0.0/8."));
        if (string.IsNullOrWhiteSpace(options.ChannelName))
        {
            errors.Add($"{Prefix}:ChannelName: must not be empty.");
        }

        Range(errors, nameof(options.MaxAttachments), options.MaxAttachments, 0, 20);
        Range(errors, nameof(options.MaxAttachmentBytes), options.MaxAttachmentBytes, 1, 100L * 1024 * 1024);
        Range(errors, nameof(options.MaxRequestBytes), options.MaxRequestBytes, 64 * 1024, int.MaxValue);
        Range(errors, nameof(options.MaxSubjectLength), options.MaxSubjectLength, 20, 1000);
        Range(errors, nameof(options.MaxTextLength), options.MaxTextLength, 100, 1_000_000);
        Range(errors, nameof(options.SubmitPermitLimit), options.SubmitPermitLimit, 1, 100_000);
        Range(errors, nameof(options.TrackingPermitLimit), options.TrackingPermitLimit, 1, 100_000);
        errors.AddRange(options.AllowedAttachmentTypes.Where(t => !AttachmentTypes.IsKnown(t))
            .Select(t => $"{Prefix}:AllowedAttachmentTypes: '{t}' is not one of {string.Join(", ", AttachmentTypes.Known)}."));
        Positive(errors, nameof(options.SubmitWindow), options.SubmitWindow);
        Positive(errors, nameof(options.TrackingWindow), options.TrackingWindow);
        Positive(errors, nameof(options.MaxFormAge), options.MaxFormAge);
        if (options.MinFillTime < TimeSpan.Zero || options.MinFillTime >= options.MaxFormAge)
        {
            errors.Add($"{Prefix}:MinFillTime: must be between zero and MaxFormAge (was {options.MinFillTime}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Range(List<string> errors, string key, long value, long min, long max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{Prefix}:{key}: must be between {min} and {max} (was {value}).");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:{key}: must be positive (was {value}).");
        }
    }
}
