using System.Net;
using System.Net.Http.Headers;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Workers.Webhooks;

/// <summary>
/// Works off the webhook outbox: signs and POSTs each due event, records success or the next attempt (exponential
/// backoff) in the store.
/// </summary>
/// <remarks>
/// At least once: a crash after the receiver answered 2xx and before the row's update commits sends the event again,
/// with the same <c>webhook-id</c>, which the receiver uses to drop the repeat. A receiver that does not answer (or
/// answers 5xx, 408, 429) is not tried again in the same run, so a dead receiver costs one request per run. Rows are
/// taken per webhook (<see cref="WebhookOptions.BatchSize"/> each), so the backlog of a receiver that is down, or
/// disabled, never holds back the others' events.
/// </remarks>
internal sealed class WebhookSender(
    ITicketStore store, HttpClient http, IOptions<WebhookOptions> options, WebhookMetrics metrics, TimeProvider time, ILogger<WebhookSender> logger)
{
    private readonly SemaphoreSlim _running = new(1, 1);

    /// <summary>Delivers the due events; returns how many the receivers took. Overlapping calls return 0 at once.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        if (!await _running.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return 0;
        }

        try
        {
            var settings = options.Value;
            // Disabled webhooks' events wait unread; a removed webhook's rows are still read, to be abandoned.
            var disabled = settings.Endpoints.Where(e => !e.Value.Enabled).Select(e => e.Key).ToList();
            var rows = await store.GetDueWebhooksAsync(time.GetUtcNow(), settings.BatchSize, disabled, cancellationToken).ConfigureAwait(false);
            var down = new HashSet<string>(StringComparer.Ordinal);
            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            int delivered = 0, failed = 0;
            foreach (var row in rows.Where(r => !down.Contains(r.Webhook)))
            {
                var outcome = await DeliverAsync(row, settings, keys, cancellationToken).ConfigureAwait(false);
                delivered += outcome == Outcome.Delivered ? 1 : 0;
                failed += outcome is Outcome.Failed or Outcome.ReceiverDown ? 1 : 0;
                if (outcome == Outcome.ReceiverDown)
                {
                    down.Add(row.Webhook);
                }
            }

            if (rows.Count > 0)
            {
                WebhookLog.RunFinished(logger, delivered, failed);
            }

            // A configured webhook with nothing pending reports 0, not a series that stops.
            var pending = await store.SummarizeWebhooksAsync(pendingOnly: true, cancellationToken).ConfigureAwait(false);
            metrics.Report([.. pending, .. settings.Endpoints.Keys.Where(name => pending.All(p => p.Webhook != name))
                .Select(name => new WebhookQueueSummary(name, 0, null, 0, 0, null))]);
            return delivered;
        }
        finally
        {
            _running.Release();
        }
    }

    private async Task<Outcome> DeliverAsync(WebhookDelivery row, WebhookOptions settings, Dictionary<string, byte[]> keys, CancellationToken cancellationToken)
    {
        if (!settings.Endpoints.TryGetValue(row.Webhook, out var endpoint))
        {
            await AbandonAsync(row, "webhook no longer configured", cancellationToken).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        var ticket = await store.GetAsync(row.TicketNumber, cancellationToken).ConfigureAwait(false);
        if (ticket is null)
        {
            await AbandonAsync(row, "ticket not found", cancellationToken).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        string? error;
        bool receiverDown;
        try
        {
            if (!keys.TryGetValue(row.Webhook, out var key))
            {
                key = keys[row.Webhook] = WebhookSecret.ReadKey(endpoint);
            }

            (error, receiverDown) = await PostAsync(endpoint, settings.Timeout, row, WebhookPayload.Build(row, ticket), key, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            (error, receiverDown) = ("secret unreadable: " + ex.Message, true);
        }

        row.Attempts++;
        var now = time.GetUtcNow();
        if (error is null)
        {
            row.DeliveredAt = now;
            row.LastError = null;
            row.NextAttemptAt = NeverDue.At; // out of every later due range
            await store.UpdateWebhookAsync(row, CancellationToken.None).ConfigureAwait(false);
            metrics.Delivered(row.Webhook);
            WebhookLog.Delivered(logger, row.Webhook, row.EventType, row.EventId, row.TicketNumber, row.Attempts);
            return Outcome.Delivered;
        }

        metrics.Failed(row.Webhook);
        row.LastError = error;
        if (row.Attempts >= settings.MaxAttempts)
        {
            await AbandonAsync(row, error, cancellationToken).ConfigureAwait(false);
            return Outcome.Failed;
        }

        row.NextAttemptAt = now + settings.RetryBackoff.After(row.Attempts);
        await store.UpdateWebhookAsync(row, cancellationToken).ConfigureAwait(false);
        WebhookLog.AttemptFailed(logger, row.Webhook, row.EventType, row.EventId, row.TicketNumber, row.Attempts, row.NextAttemptAt, error);
        return receiverDown ? Outcome.ReceiverDown : Outcome.Failed;
    }

    /// <summary>Null error when the receiver answered 2xx; otherwise why not, and whether the receiver looks down.</summary>
    private async Task<(string? Error, bool ReceiverDown)> PostAsync(
        WebhookEndpointOptions endpoint, TimeSpan timeout, WebhookDelivery row, byte[] body, byte[] key, CancellationToken cancellationToken)
    {
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", row.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(key, row.EventId, timestamp, body));
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (null, false)
                : ($"{code} {response.ReasonPhrase}", code >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
        }
        catch (HttpRequestException ex)
        {
            return (ex.InnerException?.Message ?? ex.Message, true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ($"no answer within {timeout}", true);
        }
    }

    private async Task AbandonAsync(WebhookDelivery row, string reason, CancellationToken cancellationToken)
    {
        row.AbandonedAt = time.GetUtcNow();
        row.LastError = reason;
        row.NextAttemptAt = NeverDue.At;
        await store.UpdateWebhookAsync(row, cancellationToken).ConfigureAwait(false);
        metrics.Abandoned(row.Webhook);
        WebhookLog.Abandoned(logger, row.Webhook, row.EventType, row.EventId, row.TicketNumber, row.Attempts, reason);
    }

    private enum Outcome
    {
        Delivered,
        Failed,
        ReceiverDown,
        Skipped,
    }
}
