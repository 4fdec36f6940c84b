using LiteDB;

namespace ContactCenter.Core.Storage.LiteDb;

/// <summary>
/// The webhook outbox (collection <c>webhooks</c>): rows are queued inside the transaction that creates or changes the
/// ticket (<see cref="DispatchAsync"/>, <see cref="UpdateAsync"/>), so a change that committed always has its event.
/// </summary>
internal sealed partial class LiteDbTicketStore
{
    private const string WebhookPending = "$.DeliveredAt = null AND $.AbandonedAt = null";

    private readonly WebhookSubscriptions _webhooks;

    public Task<IReadOnlyList<WebhookDelivery>> GetDueWebhooksAsync(
        DateTimeOffset now, int maxPerWebhook, IReadOnlyCollection<string> except, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<WebhookDelivery>>(() =>
        {
            // Every due row is read (as the pending summary of each run reads every pending one) and cut per webhook
            // here: a LIMIT over all webhooks would let one receiver's backlog fill every place.
            var skipped = except.ToHashSet(StringComparer.Ordinal);
            var taken = new Dictionary<string, int>(StringComparer.Ordinal);
            var due = new List<WebhookDelivery>();
            foreach (var row in _c.Webhooks.Query()
                .Where(WebhookPending)
                .Where("$.NextAttemptAt <= @0", StoreBsonMapper.ToBson(now))
                .OrderBy("$._id")
                .ToEnumerable())
            {
                if (skipped.Contains(row.Webhook))
                {
                    continue;
                }

                var count = taken[row.Webhook] = taken.GetValueOrDefault(row.Webhook) + 1;
                if (count <= maxPerWebhook)
                {
                    due.Add(row);
                }
            }

            return due;
        }, cancellationToken);

    public Task UpdateWebhookAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        RunAsync(() => Durably(() =>
        {
            if (!_c.Webhooks.Update(delivery))
            {
                throw new KeyNotFoundException($"No webhook delivery {delivery.Id}.");
            }
        }), cancellationToken);

    public Task<IReadOnlyList<WebhookQueueSummary>> SummarizeWebhooksAsync(bool pendingOnly, CancellationToken cancellationToken) =>
        RunAsync<IReadOnlyList<WebhookQueueSummary>>(() =>
        {
            // Pending rows are those not yet parked at NeverDue.At: the NextAttemptAt index finds them without the rest.
            var rows = pendingOnly
                ? _c.Webhooks.Find(Query.And(Query.LT(nameof(WebhookDelivery.NextAttemptAt), StoreBsonMapper.ToBson(NeverDue.At)), WebhookPending)).ToList()
                : _c.Webhooks.FindAll().ToList();
            return [.. rows.GroupBy(r => r.Webhook, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var pending = g.Where(r => r.DeliveredAt is null && r.AbandonedAt is null).OrderBy(r => r.Id).ToList();
                return new WebhookQueueSummary(g.Key, pending.Count, pending.FirstOrDefault()?.CreatedAt,
                    g.Count(r => r.DeliveredAt is not null), g.Count(r => r.AbandonedAt is not null),
                    pending.LastOrDefault(r => r.LastError is not null)?.LastError);
            })];
        }, cancellationToken);

    /// <summary>Inside the dispatch transaction; see <see cref="WebhookSubscriptions.Deliveries(IReadOnlyList{DispatchOutcome}, DateTimeOffset)"/>.</summary>
    private void QueueWebhooks(IReadOnlyList<DispatchOutcome> outcomes) =>
        _c.Webhooks.Insert(_webhooks.Deliveries(outcomes, _time.GetUtcNow()));

    /// <summary>Must run inside the caller's transaction.</summary>
    private void QueueWebhooks(string eventType, string ticketNumber, string change) =>
        _c.Webhooks.Insert(_webhooks.Deliveries(eventType, ticketNumber, change, _time.GetUtcNow()));
}
