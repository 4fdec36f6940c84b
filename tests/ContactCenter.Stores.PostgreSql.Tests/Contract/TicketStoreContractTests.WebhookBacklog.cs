using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>
/// The due rows are limited per webhook: a receiver with a backlog (down, or disabled) takes none of the places of
/// another's events, which a limit over all webhooks by id would hide for as long as the backlog lasts.
/// </summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GetDueWebhooks_OneWebhooksBacklog_OthersRowsStillDue_OldestFirstPerWebhook(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var now = s.Time.GetUtcNow();
        await s.Store.DispatchAsync([StoreRequests.Mail("k1")], default); // crm 1, stats 1
        for (var i = 0; i < 3; i++)
        {
            await s.Store.UpdateAsync("PC-2026-000001", _ => new TicketEvent { Kind = TicketEventKind.Note, Detail = "nota " + i }, default); // crm 2-4
        }

        await s.Store.DispatchAsync([StoreRequests.Mail("k2")], default); // crm 5, stats 2
        var all = await s.Store.GetDueWebhooksAsync(now, 100, [], default);
        var crm = all.Where(r => r.Webhook == "crm").ToList();
        var stats = all.Where(r => r.Webhook == "stats").ToList();
        (crm.Count, stats.Count).Should().Be((5, 2));
        crm[0].Attempts = 1;
        crm[0].NextAttemptAt = now.AddMinutes(1); // waiting for its retry: not due, so it takes no place
        await s.Store.UpdateWebhookAsync(crm[0], default);

        (await s.Store.GetDueWebhooksAsync(now, 2, [], default)).Select(r => r.Id).Should().Equal(
            new[] { stats[0].Id, crm[1].Id, crm[2].Id, stats[1].Id }.Order(), "the two oldest due rows of each webhook, by id");
        (await s.Store.GetDueWebhooksAsync(now, 2, ["crm"], default)).Select(r => r.Id).Should().Equal(
            [stats[0].Id, stats[1].Id], "a disabled webhook's rows are left out");
        (await s.Store.GetDueWebhooksAsync(now, 1, ["crm", "stats"], default)).Should().BeEmpty();
    }
}
