using ContactCenter.Core.Storage;
using ContactCenter.Workers.Control;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Webhooks;

/// <summary>Checks <see cref="WebhookOptions"/> at start, each message naming its key; reads every secret once.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private const string Prefix = WebhookOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var errors = new List<string>();
        foreach (var (webhook, endpoint) in options.Endpoints)
        {
            ValidateEndpoint(errors, $"{Prefix}:Endpoints:{webhook}", endpoint);
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:PollInterval: must be positive (was {options.PollInterval}).");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            errors.Add($"{Prefix}:Timeout: must be positive (was {options.Timeout}).");
        }

        if (options.BatchSize < 1)
        {
            errors.Add($"{Prefix}:BatchSize: must be at least 1 (was {options.BatchSize}).");
        }

        if (options.MaxAttempts < 1)
        {
            errors.Add($"{Prefix}:MaxAttempts: must be at least 1 (was {options.MaxAttempts}).");
        }

        if (options.RetryBackoff.Initial <= TimeSpan.Zero || options.RetryBackoff.Max < options.RetryBackoff.Initial)
        {
            errors.Add($"{Prefix}:RetryBackoff: Initial must be positive and Max at least Initial.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEndpoint(List<string> errors, string key, WebhookEndpointOptions endpoint)
    {
        if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{key}:Url: '{Cli.Config.SecretText.Url(endpoint.Url, hidePath: true)}' is not an absolute https URL.");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !ControlOptionsValidator.IsLoopback(url))
        {
            errors.Add($"{key}:Url: '{Cli.Config.SecretText.Url(endpoint.Url, hidePath: true)}' uses http to a non-loopback host; tickets carry personal data, use https.");
        }

        foreach (var type in endpoint.Events.Where(e => !WebhookEventTypes.All.Contains(e)))
        {
            errors.Add($"{key}:Events: '{type}' is not one of {string.Join(", ", WebhookEventTypes.All)}.");
        }

        if (WebhookSecret.SourceCount(endpoint) != 1)
        {
            errors.Add($"{key}: set exactly one of SecretFile, SecretEnvironmentVariable or Secret.");
        }
    }
}
