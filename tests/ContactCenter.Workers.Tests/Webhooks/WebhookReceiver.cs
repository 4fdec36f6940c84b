using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ContactCenter.Testing.Dovecot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Workers.Tests.Webhooks;

/// <summary>
/// A backoffice's webhook endpoint: real Kestrel on loopback that verifies each request's signature the way the README
/// tells a receiver to (its own HMAC code, not the service's), records every request, and can be stopped and started
/// again on the same port, or made to lose its answers (record the event, then answer 500).
/// </summary>
internal sealed class WebhookReceiver(byte[] key) : IAsyncDisposable
{
    private WebApplication? app;
    private int loseAnswers;

    public int Port { get; } = FreePort.Next();

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public ConcurrentQueue<ReceivedEvent> Received { get; } = new();

    public int BadSignatures;

    /// <summary>The next <paramref name="count"/> requests are recorded but answered 500, as if the answer got lost.</summary>
    public void LoseNextAnswers(int count) => Interlocked.Exchange(ref loseAnswers, count);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        app = builder.Build();
        app.MapPost("/hooks", (Delegate)HandleAsync);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var id = context.Request.Headers["webhook-id"].ToString();
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        if (!Verify(id, timestamp, context.Request.Headers["webhook-signature"].ToString(), body))
        {
            Interlocked.Increment(ref BadSignatures);
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        var json = JsonDocument.Parse(body).RootElement;
        Received.Enqueue(new ReceivedEvent(
            id,
            json.GetProperty("id").GetString()!,
            json.GetProperty("type").GetString()!,
            json.GetProperty("ticketNumber").GetString()!,
            json.GetProperty("change").GetString()!,
            json.GetProperty("ticket").GetProperty("status").GetString()!));
        return Interlocked.Decrement(ref loseAnswers) >= 0 ? Results.StatusCode(StatusCodes.Status500InternalServerError) : Results.NoContent();
    }

    /// <summary>HMAC-SHA256 over "id.timestamp.body", base64, any of the space-separated "v1," signatures, timestamp within 5 minutes.</summary>
    private bool Verify(string id, string timestamp, string signatures, byte[] body)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        return signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.StartsWith("v1,", StringComparison.Ordinal))
            .Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), expected));
    }

    internal sealed record ReceivedEvent(string HeaderId, string BodyId, string Type, string TicketNumber, string Change, string TicketStatus);
}
