using System.Net.Http.Json;
using System.Text.Json;
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
    public Task<JsonElement> WaitForStatusAsync(Func<JsonElement, bool> done, TimeSpan within) =>
        WaitForAsync(() => Http.GetFromJsonAsync<JsonElement>("api/status"), done, within);

    /// <summary>
    /// Polls <c>/health</c> until <paramref name="done"/> holds or the time is up: its report comes with 503 too, and
    /// from the service's memory, so it answers where a status read of the store would fail.
    /// </summary>
    public Task<JsonElement> WaitForHealthAsync(Func<JsonElement, bool> done, TimeSpan within) =>
        WaitForAsync(async () =>
        {
            using var response = await Http.GetAsync("health");
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }, done, within);

    private static async Task<JsonElement> WaitForAsync(
        Func<Task<JsonElement>> read, Func<JsonElement, bool> done, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            var report = await read();
            if (done(report) || DateTime.UtcNow > until)
            {
                return report;
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
