using ContactCenter.Workers.Control;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli.Health;

/// <summary>
/// <c>contactcenter health</c>: asks the running service's <c>/health</c> on its loopback control URL and exits 0 when
/// it answers 200. It reads only the configuration (no store, no validation of the rest), so a container's
/// <c>HEALTHCHECK</c> needs no curl in the image and never competes with the service for the store's lock.
/// </summary>
internal sealed class HealthCommand(CliContext context) : AsyncCommand<CommonSettings>
{
    public override Task<int> ExecuteAsync(CommandContext command, CommonSettings settings, CancellationToken cancellationToken) =>
        CliErrors.RunAsync(context, async () =>
        {
            CommandLineConfiguration.RejectUnknown(command);
            var configuration = new ConfigurationBuilder();
            ContactCenterConfiguration.Apply(configuration, settings.Config, context.ConfigurationOverrides);
            var options = configuration.Build().GetSection(ControlOptions.SectionName).Get<ControlOptions>() ?? new ControlOptions();
            var url = new Uri(options.ParsedUrl, "/health");
            using var client = new HttpClient { Timeout = options.ClientConnectTimeout + TimeSpan.FromSeconds(3) };
            try
            {
                using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                await context.Output.WriteLineAsync($"{(int)response.StatusCode} {url}").ConfigureAwait(false);
                await context.Output.WriteLineAsync(body).ConfigureAwait(false);
                return response.IsSuccessStatusCode ? ExitCodes.Ok : ExitCodes.Failure;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await context.Error.WriteLineAsync($"No answer from {url}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
}
