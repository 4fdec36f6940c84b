using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>The webhook outbox: rows queued in the ticket's own transaction, one per subscribed webhook, durable.</summary>
public sealed class LiteDbTicketStoreWebhookTests : IDisposable
{
    private static readonly WebhookSubscriptions Subscriptions = new([
        new("crm", new HashSet<string> { WebhookEventTypes.TicketCreated, WebhookEventTypes.TicketUpdated }),
        new("stats", new HashSet<string> { WebhookEventTypes.TicketCreated }),
    ]);

    private readonly TempDirectory _temp = new("cc-store-webhooks");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));
    private readonly StoreOptions _options;
    private LiteDbTicketStore _store;

    public LiteDbTicketStoreWebhookTests()
    {
        _options = new StoreOptions { DataDirectory = _temp.Combine("data") };
        _store = Open(Subscriptions);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Dispatch_NewTicket_QueuesOneRowPerSubscribedWebhook_WithOneEventId()
    {
        await _store.DispatchAsync([Requests.Mail("k1")], default);

        var rows = await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default);
        rows.Select(r => r.Webhook).Should().Equal("crm", "stats");
        rows.Should().OnlyContain(r => r.EventType == WebhookEventTypes.TicketCreated && r.TicketNumber == "PC-2026-000001" && r.Change == "Received");
        rows.Select(r => r.EventId).Distinct().Should().ContainSingle().Which.Should().StartWith("evt_");
    }

    [Fact]
    public async Task Dispatch_FollowUpAndBackofficeUpdate_QueueTicketUpdated_DuplicateQueuesNothing()
    {
        await _store.DispatchAsync([Requests.Mail("k1", messageId: "<a@x>")], default);
        await _store.DispatchAsync([Requests.Mail("k2", subject: "Re: PC-2026-000001 sollecito"), Requests.Mail("k1", messageId: "<a@x>")], default);
        await _store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "anna", Detail = "risposto" };
        }, default);

        var rows = await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 100, default);
        rows.Where(r => r.Webhook == "crm").Select(r => (r.EventType, r.Change)).Should().Equal(
            (WebhookEventTypes.TicketCreated, "Received"),
            (WebhookEventTypes.TicketUpdated, "FollowUpAppended"),
            (WebhookEventTypes.TicketUpdated, "Closed"));
        rows.Where(r => r.Webhook == "stats").Should().ContainSingle("stats subscribes to ticket.created only");
        rows.Select(r => r.EventId).Distinct().Should().HaveCount(3);
    }

    [Fact]
    public async Task UpdateWebhook_DeliveredAndFailedRows_AreSummarised_AndSurviveReopening()
    {
        await _store.DispatchAsync([Requests.Mail("k1"), Requests.Mail("k2")], default);
        var rows = await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default);
        var crm = rows.Where(r => r.Webhook == "crm").ToList();
        crm[0].DeliveredAt = _time.GetUtcNow();
        crm[0].Attempts = 1;
        await _store.UpdateWebhookAsync(crm[0], default);
        crm[1].Attempts = 1;
        crm[1].LastError = "503 Service Unavailable";
        crm[1].NextAttemptAt = _time.GetUtcNow().AddMinutes(1);
        await _store.UpdateWebhookAsync(crm[1], default);

        _store.Dispose();
        _store = Open(Subscriptions);
        var summary = await _store.SummarizeWebhooksAsync(default);
        summary.Should().BeEquivalentTo(new[]
        {
            new WebhookQueueSummary("crm", 1, _time.GetUtcNow(), 1, 0, "503 Service Unavailable"),
            new WebhookQueueSummary("stats", 2, _time.GetUtcNow(), 0, 0, null),
        });
        (await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default)).Should().NotContain(r => r.Webhook == "crm");
        (await _store.GetDueWebhooksAsync(_time.GetUtcNow().AddMinutes(1), 10, default)).Should().Contain(r => r.Id == crm[1].Id);
    }

    [Fact]
    public async Task Dispatch_WithoutSubscriptions_QueuesNothing()
    {
        _store.Dispose();
        _store = Open(null);

        await _store.DispatchAsync([Requests.Mail("k1")], default);

        (await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default)).Should().BeEmpty();
        (await _store.SummarizeWebhooksAsync(default)).Should().BeEmpty();
    }

    [Fact]
    public async Task FailedUpdate_QueuesNoEvent()
    {
        await _store.DispatchAsync([Requests.Mail("k1")], default);
        var before = (await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default)).Count;

        var act = () => _store.UpdateAsync("PC-2026-000001", _ => throw new InvalidOperationException("refused"), default);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await _store.GetDueWebhooksAsync(_time.GetUtcNow(), 10, default)).Should().HaveCount(before);
    }

    private LiteDbTicketStore Open(WebhookSubscriptions? webhooks) => new(_options, _time, NullLogger<LiteDbTicketStore>.Instance, webhooks);
}
