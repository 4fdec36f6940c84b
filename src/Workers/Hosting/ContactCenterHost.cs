using ContactCenter.Core.Pipeline;
using ContactCenter.WebForm;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Scheduling;
using ContactCenter.Workers.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Hosting;

/// <summary>Builds the host every command uses: same configuration and services; the service adds the scheduler.</summary>
internal static class ContactCenterHost
{
    public static HostApplicationBuilder CreateBuilder(HostSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ApplicationName = "contactcenter",
        });
        ContactCenterConfiguration.Apply(builder.Configuration, settings.ConfigFiles, settings.Args);
        if (settings.LogToStandardError)
        {
            builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        builder.Logging.SetMinimumLevel(settings.MinimumLogLevel);
        if (settings.MinimumLogLevel > LogLevel.Information)
        {
            // Registered after appsettings' Logging section, so it wins over its "Default": a verb's output stays clean.
            builder.Logging.AddFilter((_, level) => level >= settings.MinimumLogLevel);
        }

        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        // The control endpoint logs its own events (acts, refusals, file reads, by key name); ASP.NET's line per request
        // would fill the journal with every /metrics scrape and write a downloaded file's name, which can name a person.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddContactCenter(builder.Configuration);
        builder.Services.AddSingleton(new ChannelStartupChecks(LoadOcr: settings.Service || settings.ReadsItems));
        if (settings.Service)
        {
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(options => options.ServiceName = "contactcenter");
            builder.Services.AddChannelJobs(builder.Configuration);
            builder.Services.AddControlEndpoint(builder.Configuration);
            builder.Services.AddWebhookDelivery(builder.Configuration);
            builder.Services.AddWebFormEndpoint();
            var shutdown = builder.Configuration.GetValue($"{PipelineOptions.SectionName}:ShutdownTimeout", new PipelineOptions().ShutdownTimeout);
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = shutdown);
        }

        settings.Configure?.Invoke(builder);
        return builder;
    }
}
