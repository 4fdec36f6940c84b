using System.Diagnostics.Metrics;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Dovecot;
using ContactCenter.Workers.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Webhooks;

/// <summary>The sender's retry schedule and its giving up, against a loopback port where nothing listens.</summary>
public sealed class WebhookSenderTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-webhook-sender");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ITicketStore store;

    public WebhookSenderTests() =>
        store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("data") }, time, null,
            new WebhookSubscriptions([new("crm", new HashSet<string>(WebhookEventTypes.All))]));

    public void Dispose()
    {
        store.Dispose();
        meters.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task ReceiverNeverAnswers_RetriedWithDoublingWaits_ThenAbandoned()
    {
        await store.DispatchAsync([Request()], default);
        using var http = new HttpClient();
        var sender = Sender(http, new WebhookEndpointOptions { Url = $"http://127.0.0.1:{FreePort.Next()}/hooks", Secret = new string('s', 32) });

        var attempts = new List<int>();
        foreach (var wait in new[] { 0, 5, 5, 20, 40 })
        {
            time.Advance(TimeSpan.FromSeconds(wait));
            (await sender.DeliverDueAsync(default)).Should().Be(0);
            attempts.Add(await AttemptsAsync());
        }

        attempts.Should().Equal([1, 1, 2, 3, 4], "waits of 10, 20, 40 s between attempts: the one 5 s after the first is too early");
        var summary = (await store.SummarizeWebhooksAsync(pendingOnly: false, default)).Single();
        summary.Abandoned.Should().Be(1, "MaxAttempts is 4");
        summary.Pending.Should().Be(0);
        (await store.GetDueWebhooksAsync(time.GetUtcNow().AddYears(1), 10, [], default)).Should().BeEmpty();
    }

    [Fact]
    public async Task WebhookRemovedFromTheConfiguration_ItsEventsAreAbandoned_DisabledOnesWait()
    {
        await store.DispatchAsync([Request()], default);
        using var http = new HttpClient();

        await Sender(http, new WebhookEndpointOptions { Url = "http://127.0.0.1:1/", Secret = new string('s', 32), Enabled = false }).DeliverDueAsync(default);
        (await store.SummarizeWebhooksAsync(pendingOnly: false, default)).Single().Pending.Should().Be(1, "a disabled webhook keeps its events for later");

        var saved = new WebhookUpdatesStore(store);
        await Sender(http, null, saved).DeliverDueAsync(default);
        var summary = (await store.SummarizeWebhooksAsync(pendingOnly: false, default)).Single();
        summary.Abandoned.Should().Be(1);
        summary.Pending.Should().Be(0);
        saved.Saved.Should().ContainSingle().Which.NextAttemptAt.Should().Be(NeverDue.At, "a finished row leaves every due range");
    }

    private async Task<int> AttemptsAsync() =>
        (await store.GetDueWebhooksAsync(time.GetUtcNow().AddYears(1), 10, [], default)).SingleOrDefault()?.Attempts ?? 4;

    private WebhookSender Sender(HttpClient http, WebhookEndpointOptions? crm, ITicketStore? via = null)
    {
        var options = new WebhookOptions
        {
            MaxAttempts = 4,
            RetryBackoff = new() { Initial = TimeSpan.FromSeconds(10), Max = TimeSpan.FromMinutes(1) },
        };
        if (crm is not null)
        {
            options.Endpoints["crm"] = crm;
        }

        return new WebhookSender(via ?? store, http, Options.Create(options), new WebhookMetrics(meters.GetRequiredService<IMeterFactory>(), time), time,
            NullLogger<WebhookSender>.Instance);
    }

    private DispatchRequest Request() => new()
    {
        Draft = new TicketDraft
        {
            SourceKey = "test:1",
            ChannelName = "urp",
            Channel = ChannelKind.Email,
            ReceivedAt = time.GetUtcNow(),
            Sender = new Party { Email = "mario.rossi@example.it" },
            Subject = "Richiesta",
            TextBody = "Testo",
        },
        Classification = new Classification { Level = ServiceLevel.First, Category = "informazioni" },
        ClockStartedAt = time.GetUtcNow(),
        DueAt = time.GetUtcNow().AddDays(7),
    };
}
