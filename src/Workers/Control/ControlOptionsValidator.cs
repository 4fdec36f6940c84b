using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Control;

/// <summary>
/// Checks <see cref="ControlOptions"/>, each message naming its key: <see cref="ControlOptions.Url"/> is loopback, and
/// the network listener comes only with https, a certificate and at least one API key.
/// </summary>
internal sealed class ControlOptionsValidator : IValidateOptions<ControlOptions>
{
    private const string Prefix = ControlOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, ControlOptions options)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.PathAndQuery != "/")
        {
            errors.Add($"{Prefix}:Url: '{options.Url}' is not an http URL like http://127.0.0.1:5280 (no path; the network listener with TLS is {Prefix}:RemoteUrl).");
        }
        else if (url.IsDefaultPort || url.Port is < 1 or > 65535)
        {
            errors.Add($"{Prefix}:Url: '{options.Url}' needs an explicit port (e.g. http://127.0.0.1:5280).");
        }
        else if (!IsLoopback(url))
        {
            errors.Add($"{Prefix}:Url: '{url.Host}' is not a loopback address. Use 127.0.0.1, [::1] or localhost; " +
                $"open the API to the network with {Prefix}:RemoteUrl (https, {Prefix}:Certificate and {Prefix}:ApiKeys).");
        }

        if (options.AllowRemote)
        {
            errors.Add($"{Prefix}:AllowRemote: no longer supported (it opened the endpoint without authentication); " +
                $"use {Prefix}:RemoteUrl with {Prefix}:Certificate and {Prefix}:ApiKeys.");
        }

        ControlRemoteValidation.Validate(errors, options, url);

        Positive(errors, nameof(ControlOptions.ChannelUnhealthyAfter), options.ChannelUnhealthyAfter);
        Positive(errors, nameof(ControlOptions.ClientConnectTimeout), options.ClientConnectTimeout);
        Positive(errors, nameof(ControlOptions.ClientRequestTimeout), options.ClientRequestTimeout);
        Positive(errors, nameof(ControlOptions.GaugeRefreshInterval), options.GaugeRefreshInterval);
        Positive(errors, nameof(ControlOptions.TicketGaugeRefreshInterval), options.TicketGaugeRefreshInterval);
        Positive(errors, nameof(ControlOptions.BackupMaxAge), options.BackupMaxAge);
        if (options.MinFreeDiskBytes < 0)
        {
            errors.Add($"{Prefix}:{nameof(ControlOptions.MinFreeDiskBytes)}: must be 0 (no check) or more (was {options.MinFreeDiskBytes}).");
        }

        if (options.MailboxQuotaWarningPercent is < 0 or > 100)
        {
            errors.Add($"{Prefix}:{nameof(ControlOptions.MailboxQuotaWarningPercent)}: must be from 0 (no check) to 100 (was {options.MailboxQuotaWarningPercent}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || Core.Channels.LoopbackHost.Is(url.Host);

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:{key}: must be positive (was {value}).");
        }
    }
}
