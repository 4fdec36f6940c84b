using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>The webhook outbox: rows queued in the ticket's own transaction, one per subscribed webhook, durable.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_NewTicket_QueuesOneRowPerSubscribedWebhook_WithOneEventId(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        var rows = await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 10, [], default);
        rows.Select(r => r.Webhook).Should().Equal("crm", "stats");
        rows.Should().OnlyContain(r => r.EventType == WebhookEventTypes.TicketCreated && r.TicketNumber == "PC-2026-000001" && r.Change == "Received");
        rows.Select(r => r.EventId).Distinct().Should().ContainSingle().Which.Should().StartWith("evt_");
        rows.Select(r => r.Id).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FollowUpAndBackofficeUpdate_QueueTicketUpdated_DuplicateQueuesNothing(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<a@x>")], default);
        await s.Store.DispatchAsync([StoreRequests.Mail("k2", subject: "Re: PC-2026-000001 sollecito"), StoreRequests.Mail("k1", messageId: "<a@x>")], default);
        await s.Store.UpdateAsync("PC-2026-000001", t =>
        {
            t.Status = TicketStatus.Closed;
            return new TicketEvent { Kind = TicketEventKind.Closed, Actor = "anna", Detail = "risposto" };
        }, default);

        var rows = await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 100, [], default);
        rows.Where(r => r.Webhook == "crm").Select(r => (r.EventType, r.Change)).Should().Equal(
            (WebhookEventTypes.TicketCreated, "Received"),
            (WebhookEventTypes.TicketUpdated, "FollowUpAppended"),
            (WebhookEventTypes.TicketUpdated, "Closed"));
        rows.Where(r => r.Webhook == "stats").Should().ContainSingle("stats subscribes to ticket.created only");
        rows.Select(r => r.EventId).Distinct().Should().HaveCount(3);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateWebhook_DeliveredAndFailedRows_AreSummarised_AndSurviveReopening(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2")], default);
        var now = s.Time.GetUtcNow();
        var crm = (await s.Store.GetDueWebhooksAsync(now, 10, [], default)).Where(r => r.Webhook == "crm").ToList();
        crm[0].DeliveredAt = now;
        crm[0].Attempts = 1;
        await s.Store.UpdateWebhookAsync(crm[0], default);
        crm[1].Attempts = 1;
        crm[1].LastError = "503 Service Unavailable";
        crm[1].NextAttemptAt = now.AddMinutes(1);
        await s.Store.UpdateWebhookAsync(crm[1], default);

        var store = s.Reopen();
        (await store.SummarizeWebhooksAsync(pendingOnly: false, default)).Should().BeEquivalentTo(new[]
        {
            new WebhookQueueSummary("crm", 1, now, 1, 0, "503 Service Unavailable"),
            new WebhookQueueSummary("stats", 2, now, 0, 0, null),
        }, o => o.WithStrictOrdering());
        (await store.SummarizeWebhooksAsync(pendingOnly: true, default)).Should().BeEquivalentTo(new[]
        {
            new WebhookQueueSummary("crm", 1, now, 0, 0, "503 Service Unavailable"),
            new WebhookQueueSummary("stats", 2, now, 0, 0, null),
        }, o => o.WithStrictOrdering(), "a delivery run reads the pending rows only");
        (await store.GetDueWebhooksAsync(now, 10, [], default)).Should().NotContain(r => r.Webhook == "crm");
        var retry = (await store.GetDueWebhooksAsync(now.AddMinutes(1), 10, [], default)).Should().ContainSingle(r => r.Id == crm[1].Id).Subject;
        retry.Attempts.Should().Be(1);
        retry.LastError.Should().Be("503 Service Unavailable");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpdateWebhook_Abandoned_LeavesTheQueue_UnknownIdThrows(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var now = s.Time.GetUtcNow();
        var row = (await s.Store.GetDueWebhooksAsync(now, 10, [], default))[0];
        row.AbandonedAt = now;
        await s.Store.UpdateWebhookAsync(row, default);

        (await s.Store.GetDueWebhooksAsync(now.AddDays(1), 10, [], default)).Should().NotContain(r => r.Id == row.Id);
        (await s.Store.SummarizeWebhooksAsync(pendingOnly: false, default)).Single(w => w.Webhook == row.Webhook).Abandoned.Should().Be(1);
        var act = () => s.Store.UpdateWebhookAsync(new WebhookDelivery { Id = 9999, Webhook = "crm" }, default);
        await act.Should().ThrowAsync<KeyNotFoundException>();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_WithoutSubscriptions_QueuesNothing(StoreProvider provider)
    {
        await using var s = await StoreUnderTest.CreateAsync(provider, postgres, webhooks: null);

        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        (await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 10, [], default)).Should().BeEmpty();
        (await s.Store.SummarizeWebhooksAsync(pendingOnly: false, default)).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedUpdate_QueuesNoEvent(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var before = (await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 10, [], default)).Count;

        var act = () => s.Store.UpdateAsync("PC-2026-000001", _ => throw new InvalidOperationException("refused"), default);

        await act.Should().ThrowAsync<InvalidOperationException>();
        (await s.Store.GetDueWebhooksAsync(s.Time.GetUtcNow(), 10, [], default)).Should().HaveCount(before);
    }
}
