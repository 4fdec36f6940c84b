using ContactCenter.Core.Storage;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ContactCenter.WebForm.Tests.TestSupport;

/// <summary>
/// The real service in the test process: store in a temp folder, the sample routing rules, receipts over the test
/// SMTP server, the control endpoint and the online form on free loopback ports. 127.0.0.1 is a configured proxy,
/// so a test picks its client address with X-Forwarded-For (each test its own rate-limit window).
/// </summary>
public sealed class WebFormHost : IAsyncDisposable
{
    private readonly IHost host;

    private WebFormHost(IHost host, TempDirectory folder, SmtpTestServer smtp, int formPort, int controlPort)
    {
        this.host = host;
        Folder = folder;
        Smtp = smtp;
        FormUrl = new Uri($"http://127.0.0.1:{formPort}/");
        ControlUrl = new Uri($"http://127.0.0.1:{controlPort}/");
    }

    public TempDirectory Folder { get; }

    public SmtpTestServer Smtp { get; }

    public Uri FormUrl { get; }

    public Uri ControlUrl { get; }

    public string DataDirectory => Folder.Combine("data");

    public IServiceProvider Services => host.Services;

    public ITicketStore Store => host.Services.GetRequiredService<ITicketStore>();

    public IContentArchive Archive => host.Services.GetRequiredService<IContentArchive>();

    /// <param name="store">The <c>Store</c> section; by default LiteDB in the host's own folder.</param>
    public static async Task<WebFormHost> StartAsync(object? webForm = null, Func<TempDirectory, object>? store = null)
    {
        var folder = new TempDirectory("cc-webform");
        var smtp = await SmtpTestServer.StartNewAsync();
        var formPort = FreePort.Next();
        var controlPort = FreePort.Next();
        var config = JsonConfigFile.Write(folder.Path, new
        {
            Store = store?.Invoke(folder) ?? new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = true, From = "Contact Center <urp@protezionecivile.example.it>" },
            Smtp = new { Host = smtp.Host, Port = smtp.Port, Security = "None" },
            Control = new { Url = $"http://127.0.0.1:{controlPort}" },
            Channels = new { },
        });
        var form = JsonConfigFile.Write(folder.Path, new { WebForm = webForm ?? Settings() });
        var overrides = JsonConfigFile.Write(folder.Path, new { WebForm = new { Enabled = true, Url = $"http://127.0.0.1:{formPort}" } });
        var rules = Path.Combine(RepositoryPaths.Root, "samples", "routing.rules.json");
        var builder = ContactCenterHost.CreateBuilder(new HostSettings { ConfigFiles = [rules, config, form, overrides], Service = true, LogToStandardError = false });
        var host = builder.Build();
        await host.StartAsync();
        return new WebFormHost(host, folder, smtp, formPort, controlPort);
    }

    /// <summary>The form's settings for the tests: quick fill time, generous limits, 127.0.0.1 as the proxy.</summary>
    public static Dictionary<string, object> Settings(int submitPermits = 50, string minFillTime = "00:00:01") => new()
    {
        ["MinFillTime"] = minFillTime,
        ["SubmitPermitLimit"] = submitPermits,
        ["SubmitWindow"] = "00:10:00",
        ["TrackingPermitLimit"] = 50,
        ["KnownProxies"] = new[] { "127.0.0.1" },
        ["MaxAttachments"] = 5,
        ["MaxAttachmentBytes"] = 2 * 1024 * 1024,
        ["MaxRequestBytes"] = 8 * 1024 * 1024,
    };

    /// <summary>Waits for the outbox job (every 15 s) to hand a receipt to <paramref name="to"/> to the SMTP server.</summary>
    public async Task<ReceivedSmtpMessage> WaitForReceiptAsync(string to, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            var message = Smtp.Messages.FirstOrDefault(m => m.EnvelopeTo.Contains(to, StringComparer.OrdinalIgnoreCase));
            if (message is not null)
            {
                return message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"no receipt to {to} within {within}");
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        if (host is IAsyncDisposable asyncHost)
        {
            await asyncHost.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }

        await Smtp.DisposeAsync();
        Folder.Dispose();
    }
}
