using System.Net.Http.Json;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>The real service (scheduler, channels, control endpoint on a free loopback port) running in the test process.</summary>
internal sealed class ServiceTestHost : IAsyncDisposable
{
    private readonly IHost host;

    private ServiceTestHost(IHost host, string config, int port)
    {
        this.host = host;
        Config = config;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Config { get; }

    public int Port { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => host.Services;

    public static string Rules => Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");

    /// <summary>Writes an --config with the store under <paramref name="folder"/>, the given channels and control settings, and starts the service.</summary>
    public static async Task<ServiceTestHost> StartAsync(
        string folder, object channels, object? pipeline = null, string unhealthyAfter = "00:15:00", int? controlPort = null, int maxMessageBytes = 25_000_000,
        string? extraConfig = null)
    {
        var port = controlPort ?? FreePort.Next();
        var config = JsonConfigFile.Write(folder, new
        {
            Store = new { DataDirectory = Path.Combine(folder, "data") },
            Mail = new { OwnAddresses = new[] { "urp@protezionecivile.example.it" }, MaxMessageBytes = maxMessageBytes },
            Receipts = new { Enabled = false },
            Pipeline = pipeline ?? new { ModeCheckInterval = "00:00:01" },
            // The free-space check runs, with a threshold any test machine passes (a nearly full CI disk is not the service's fault).
            Control = new { Url = $"http://127.0.0.1:{port}", ChannelUnhealthyAfter = unhealthyAfter, GaugeRefreshInterval = "00:00:01", TicketGaugeRefreshInterval = "00:00:01", MinFreeDiskBytes = 1 << 20 },
            Channels = channels,
        });
        var builder = ContactCenterHost.CreateBuilder(new HostSettings { ConfigFiles = extraConfig is null ? [Rules, config] : [Rules, config, extraConfig], Service = true, LogToStandardError = false });
        var host = builder.Build();
        await host.StartAsync();
        return new ServiceTestHost(host, config, port);
    }

    /// <summary>Polls <c>/api/status</c> until <paramref name="done"/> holds or the time is up.</summary>
    public async Task<System.Text.Json.JsonElement> WaitForStatusAsync(Func<System.Text.Json.JsonElement, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var status = await Http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/status");
            if (done(status) || DateTime.UtcNow > until)
            {
                return status;
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await host.StopAsync();
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
