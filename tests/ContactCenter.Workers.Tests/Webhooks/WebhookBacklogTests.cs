using System.Diagnostics.Metrics;
using System.Text;
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

/// <summary>
/// One webhook disabled and one whose receiver is down, each with more than a batch of events waiting, all queued
/// before the healthy webhook's: the healthy receiver (real Kestrel, checking signatures) still gets its events at
/// once, run after run. The clock starts at the real time because the receiver refuses timestamps 5 minutes off.
/// </summary>
public sealed class WebhookBacklogTests : IDisposable
{
    private const string Secret = "backlog-test-secret-of-32-bytes!";
    private const int BatchSize = 5;

    private readonly TempDirectory folder = new("cc-webhook-backlog");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly ServiceProvider meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ITicketStore store;

    public WebhookBacklogTests() =>
        store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = folder.Combine("data") }, time, null, new WebhookSubscriptions([
            new("archive", new HashSet<string>(WebhookEventTypes.All)),
            new("crm", new HashSet<string>(WebhookEventTypes.All)),
            new("erp", new HashSet<string> { WebhookEventTypes.TicketUpdated })]));

    public void Dispose()
    {
        store.Dispose();
        meters.Dispose();
        folder.Dispose();
    }

    [Fact]
    public async Task Deliver_OneReceiverDownOneDisabled_BacklogsOfMoreThanABatch_HealthyReceiverStillDelivered()
    {
        await using var erp = new WebhookReceiver(Encoding.UTF8.GetBytes(Secret));
        await erp.StartAsync();
        using var http = new HttpClient();
        var sender = Sender(http, erp.Url);
        await store.DispatchAsync([.. Enumerable.Range(0, 3 * BatchSize).Select(Request)], default); // archive and crm only
        await NoteAsync("first");
        await NoteAsync("second");

        (await sender.DeliverDueAsync(default)).Should().Be(2, "erp's two events are due and its receiver answers");
        time.Advance(TimeSpan.FromSeconds(30));
        await NoteAsync("third");
        (await sender.DeliverDueAsync(default)).Should().Be(1, "a run later, crm's backlog and archive's still take none of erp's places");

        erp.Received.Should().HaveCount(3).And.OnlyContain(e => e.Type == WebhookEventTypes.TicketUpdated && e.HeaderId == e.BodyId);
        erp.BadSignatures.Should().Be(0);
        var summary = (await store.SummarizeWebhooksAsync(pendingOnly: false, default)).ToDictionary(w => w.Webhook);
        summary["erp"].Should().BeEquivalentTo(new { Pending = 0, Delivered = 3 });
        summary["archive"].Should().BeEquivalentTo(new { Pending = 3 * BatchSize + 3, Delivered = 0, LastError = (string?)null },
            "a disabled webhook's events wait, untried");
        summary["crm"].Should().BeEquivalentTo(new { Pending = 3 * BatchSize + 3, Delivered = 0 }, "nothing is lost while crm is down");
        summary["crm"].LastError.Should().Contain("refused");
    }

    private WebhookSender Sender(HttpClient http, string erpUrl)
    {
        var options = new WebhookOptions { BatchSize = BatchSize };
        options.Endpoints["archive"] = new WebhookEndpointOptions { Url = "http://127.0.0.1:1/", Secret = Secret, Enabled = false };
        options.Endpoints["crm"] = new WebhookEndpointOptions { Url = $"http://127.0.0.1:{FreePort.Next()}/hooks", Secret = Secret };
        options.Endpoints["erp"] = new WebhookEndpointOptions { Url = erpUrl, Secret = Secret };
        return new WebhookSender(store, http, Options.Create(options), new WebhookMetrics(meters.GetRequiredService<IMeterFactory>(), time), time,
            NullLogger<WebhookSender>.Instance);
    }

    /// <summary>A backoffice note on the first ticket: one ticket.updated event for each webhook.</summary>
    private async Task NoteAsync(string detail)
    {
        var first = (await store.QueryAsync(new TicketQuery(), default)).MinBy(t => t.Number)!.Number;
        await store.UpdateAsync(first, _ => new TicketEvent { Kind = TicketEventKind.Note, Detail = detail }, default);
    }

    private DispatchRequest Request(int i) => new()
    {
        Draft = new TicketDraft
        {
            SourceKey = "test:" + i,
            ChannelName = "urp",
            Channel = ChannelKind.Email,
            ReceivedAt = time.GetUtcNow(),
            Sender = new Party { Email = $"cittadino{i}@example.it" },
            Subject = "Richiesta " + i,
            TextBody = "Testo " + i,
        },
        Classification = new Classification { Level = ServiceLevel.First, Category = "informazioni" },
        ClockStartedAt = time.GetUtcNow(),
        DueAt = time.GetUtcNow().AddDays(7),
    };
}
