using System.Security.Cryptography.X509Certificates;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Testing.Smtp;
using ContactCenter.Workers.Control;
using ContactCenter.Workers.Hosting;
using ContactCenter.Workers.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Tests.Control;

/// <summary>
/// The real service with its control API opened to the network: HTTPS with a test certificate (a PFX whose password is
/// in a file), API keys for each role, and every log line kept so a test can prove no key was written.
/// </summary>
internal sealed class SecuredServiceHost : IAsyncDisposable
{
    private readonly IHost host;

    private SecuredServiceHost(IHost host, string config, X509Certificate2 certificate, int port, int remotePort, ListLoggerProvider logs)
    {
        this.host = host;
        Config = config;
        Certificate = certificate;
        Logs = logs;
        Loopback = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        RemoteBase = new Uri($"https://localhost:{remotePort}/");
    }

    public string Config { get; }

    public X509Certificate2 Certificate { get; }

    public ListLoggerProvider Logs { get; }

    public HttpClient Loopback { get; }

    public Uri RemoteBase { get; }

    /// <summary>Writes the PFX, its password file and an --config with the given keys (name to role and hash); starts nothing.</summary>
    public static string WriteConfig(TempDirectory folder, IReadOnlyDictionary<string, (string Role, string Hash)> keys, out int port, out int remotePort,
        out X509Certificate2 certificate)
    {
        certificate = TestCertificates.CreateSelfSigned("localhost");
        var pfx = folder.Combine("control.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        File.WriteAllText(folder.Combine("control.pfx.password"), "pfx-password\n");
        port = FreePort.Next();
        remotePort = FreePort.Next();
        return JsonConfigFile.Write(folder.Path, new
        {
            Store = new { DataDirectory = folder.Combine("data") },
            Receipts = new { Enabled = false },
            Control = new
            {
                Url = $"http://127.0.0.1:{port}",
                RemoteUrl = $"https://localhost:{remotePort}",
                Certificate = new { Path = pfx, PasswordFile = folder.Combine("control.pfx.password") },
                ApiKeys = keys.ToDictionary(k => k.Key, k => new { k.Value.Role, k.Value.Hash }),
            },
            Channels = new { },
        });
    }

    public static async Task<SecuredServiceHost> StartAsync(TempDirectory folder, IReadOnlyDictionary<string, (string Role, string Hash)> keys)
    {
        var config = WriteConfig(folder, keys, out var port, out var remotePort, out var certificate);
        var logs = new ListLoggerProvider();
        var host = Build(config, logs);
        await host.StartAsync();
        return new SecuredServiceHost(host, config, certificate, port, remotePort, logs);
    }

    public static IHost Build(string config, ListLoggerProvider logs) =>
        ContactCenterHost.CreateBuilder(new HostSettings
        {
            ConfigFiles = [ServiceTestHost.Rules, config],
            Service = true,
            LogToStandardError = false,
            MinimumLogLevel = LogLevel.Debug,
            Configure = builder => builder.Logging.AddProvider(logs),
        }).Build();

    /// <summary>A client that trusts exactly this test certificate (validation stays on), sending the key if given.</summary>
    public HttpClient Remote(string? key = null, bool asHeader = false)
    {
        var thumbprint = Certificate.Thumbprint;
        var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == thumbprint,
        })
        { BaseAddress = RemoteBase };
        if (key is not null)
        {
            if (asHeader)
            {
                http.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, key);
            }
            else
            {
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
            }
        }

        return http;
    }

    public string DataDirectory => host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Storage.StoreOptions>>().Value.DataDirectory;

    public async ValueTask DisposeAsync()
    {
        Loopback.Dispose();
        await host.StopAsync();
        host.Dispose();
    }
}
