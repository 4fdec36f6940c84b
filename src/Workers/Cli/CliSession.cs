using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console.Cli;

namespace ContactCenter.Workers.Cli;

/// <summary>
/// The services of one CLI verb: the same configuration and registrations as the service, validated. The store opens
/// on first use and holds its lock file until the session ends; if the service holds it, the verb says so.
/// </summary>
internal sealed class CliSession : IAsyncDisposable
{
    private readonly IHost host;

    private CliSession(IHost host, IConfiguration configuration)
    {
        this.host = host;
        Configuration = configuration;
    }

    public IServiceProvider Services => host.Services;

    public IConfiguration Configuration { get; }

    /// <param name="asService">Register what <c>run</c> registers (scheduler, control endpoint, webhook delivery, web
    /// form), without starting it, so its options are validated exactly as the service validates them.</param>
    /// <param name="readsItems">The verb may normalise items itself (see <see cref="HostSettings.ReadsItems"/>).</param>
    public static CliSession Open(CliContext context, CommonSettings settings, CommandContext command,
        LogLevel logLevel = LogLevel.Warning, bool asService = false, bool readsItems = false)
    {
        CommandLineConfiguration.RejectUnknown(command);
        var builder = ContactCenterHost.CreateBuilder(new HostSettings
        {
            ConfigFiles = DefaultConfigFiles.For(settings.Config),
            Args = context.ConfigurationOverrides,
            MinimumLogLevel = logLevel,
            Service = asService,
            ReadsItems = readsItems,
            Configure = context.ConfigureHost,
        });
        var host = builder.Build();
        try
        {
            // The same checks as the service's ValidateOnStart, without starting any hosted service.
            host.Services.GetService<IStartupValidator>()?.Validate();
            return new CliSession(host, builder.Configuration);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => host.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            host.Dispose();
        }
    }
}
