using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Webhooks;

/// <summary>The service reads every enabled webhook's secret at start: a missing or short one stops it, naming the key.</summary>
internal static class WebhookSecretCheck
{
    public static void ThrowIfUnreadable(WebhookOptions options)
    {
        var errors = new List<string>();
        foreach (var (name, endpoint) in options.Endpoints.Where(e => e.Value.Enabled))
        {
            var key = $"{WebhookOptions.SectionName}:Endpoints:{name}";
            try
            {
                if (WebhookSecret.ReadKey(endpoint).Length < WebhookSecret.MinimumBytes)
                {
                    errors.Add($"{key}: the secret is shorter than {WebhookSecret.MinimumBytes} bytes.");
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                errors.Add($"{key}: {ex.Message}.");
            }
        }

        if (errors.Count > 0)
        {
            throw new OptionsValidationException(WebhookOptions.SectionName, typeof(WebhookOptions), errors);
        }
    }
}
