using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using ContactCenter.Testing.Dovecot;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;

namespace ContactCenter.Testing.Smtp;

/// <summary>
/// A real SMTP listener on a free loopback port (the SmtpServer library) that keeps what it receives.
/// Stop and start it again to simulate an outage; the port stays the same. With a certificate it offers STARTTLS.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<ReceivedSmtpMessage> messages = [];
    private readonly X509Certificate2? certificate;
    private readonly (string User, string Password)? credentials;
    private readonly Func<string, string, bool>? bearerTokens;
    private CancellationTokenSource? running;
    private Task? serverTask;

    /// <param name="certificate">Offers STARTTLS with it.</param>
    /// <param name="credentials">Requires AUTH with these (allowed without TLS, it is a test).</param>
    /// <param name="bearerTokens">Requires AUTH XOAUTH2 with a token this accepts for the user (plain connections only).</param>
    public SmtpTestServer(
        X509Certificate2? certificate = null, (string User, string Password)? credentials = null, Func<string, string, bool>? bearerTokens = null)
    {
        if (bearerTokens is not null && (certificate is not null || credentials is not null))
        {
            throw new ArgumentException("XOAUTH2 is offered on a plain connection without password logins.", nameof(bearerTokens));
        }

        this.certificate = certificate;
        this.credentials = credentials;
        this.bearerTokens = bearerTokens;
        Port = FreePort.Next();
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public SmtpTestServerMode Mode { get; set; } = SmtpTestServerMode.Accept;

    /// <summary>Addresses refused at RCPT TO with 550.</summary>
    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsRunning => serverTask is { IsCompleted: false };

    public IReadOnlyList<ReceivedSmtpMessage> Messages
    {
        get
        {
            lock (gate)
            {
                return messages.ToList();
            }
        }
    }

    public static async Task<SmtpTestServer> StartNewAsync(
        X509Certificate2? certificate = null, (string User, string Password)? credentials = null)
    {
        var server = new SmtpTestServer(certificate, credentials);
        await server.StartAsync();
        return server;
    }

    /// <summary>A server that takes mail only after AUTH XOAUTH2 with a token <paramref name="bearerTokens"/> accepts for the user.</summary>
    public static async Task<SmtpTestServer> StartWithXoauth2Async(Func<string, string, bool> bearerTokens)
    {
        var server = new SmtpTestServer(bearerTokens: bearerTokens);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts listening and returns once the port accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = bearerTokens is null ? new EndpointListenerFactory() : new Xoauth2EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new CollectingMessageStore(this));
        services.Add(new RecipientFilter(this));
        if (credentials is { } expected)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) => user == expected.User && password == expected.Password));
        }
        else if (bearerTokens is { } check)
        {
            services.Add(new DelegatingUserAuthenticator((user, password) =>
                password.StartsWith(Xoauth2Pipe.BearerPrefix, StringComparison.Ordinal) && check(user, password[Xoauth2Pipe.BearerPrefix.Length..])));
        }

        running = new CancellationTokenSource();
        var server = new SmtpServer.SmtpServer(BuildOptions(), services);
        serverTask = server.StartAsync(running.Token);
        await Task.WhenAny(started.Task, serverTask).WaitAsync(TimeSpan.FromSeconds(10));
        if (serverTask.IsFaulted)
        {
            await serverTask;
        }
    }

    /// <summary>Closes the listener and every open session: clients see the server go away.</summary>
    public async Task StopAsync()
    {
        if (running is null || serverTask is null)
        {
            return;
        }

        await running.CancelAsync();
        try
        {
            await serverTask.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The normal end of a cancelled server.
        }

        running.Dispose();
        running = null;
        serverTask = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> messages arrived.</summary>
    public async Task<IReadOnlyList<ReceivedSmtpMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Messages.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return Messages;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal void Add(ReceivedSmtpMessage message)
    {
        lock (gate)
        {
            messages.Add(message);
        }
    }

    private ISmtpServerOptions BuildOptions() =>
        new SmtpServerOptionsBuilder()
            .ServerName("smtp-test.localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (credentials is not null || bearerTokens is not null)
                {
                    endpoint.AuthenticationRequired().AllowUnsecureAuthentication();
                }

                if (certificate is not null)
                {
                    endpoint.Certificate(certificate);
                }
            })
            .Build();
}
