using ContactCenter.Channels.Email;
using ContactCenter.Channels.OAuth;
using ContactCenter.Core.Diagnostics;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Channels.Acknowledgement;

/// <summary>
/// Sends the receipts waiting in the outbox; the host runs <see cref="SendDueAsync"/> every few seconds.
/// </summary>
/// <remarks>
/// Delivery is at least once. Each row gets its Message-ID and that is stored before the first attempt. A crash (or a
/// store failure) after the SMTP server answered 250 to DATA and before the row's "sent" update commits leaves the
/// row due, so the receipt goes out again on the next run: at most one extra copy per such crash, with the same
/// Message-ID, which lets the recipient's system and our tests recognise it. The window is the few milliseconds of
/// one store update. SMTP has the same window on its own side (RFC 1047): a connection lost after the server took the
/// message but before we read its 250 is a failure to us and is retried, again with the same Message-ID.
/// </remarks>
public sealed class OutboxSender
{
    private readonly ITicketStore store;
    private readonly ReceiptComposer composer;
    private readonly ReceiptOptions options;
    private readonly SmtpOptions smtp;
    private readonly TimeProvider time;
    private readonly ILogger<OutboxSender> logger;
    private readonly SemaphoreSlim running = new(1, 1);
    private readonly IngestMetrics? metrics;
    private readonly OAuth2TokenCache? oauth2;
    private readonly ConnectionWarnings warnings;

    public OutboxSender(ITicketStore store, ReceiptComposer composer, IOptions<ReceiptOptions> options,
        IOptions<SmtpOptions> smtp, TimeProvider time, ILogger<OutboxSender> logger, IngestMetrics? metrics = null,
        OAuth2TokenRegistry? tokens = null)
    {
        // Unchecked when receipts are off (the validator skips the relay then): no token cache without a complete section.
        oauth2 = smtp.Value is { Auth: MailAuthentication.OAuth2, OAuth2: { } settings, User: { Length: > 0 } mailbox }
            ? (tokens ?? new OAuth2TokenRegistry(new OAuth2HttpHandlerFactory(), time)).For(SmtpOptions.OAuth2Name, settings, mailbox)
            : null;
        this.metrics = metrics;
        this.store = store;
        this.composer = composer;
        this.options = options.Value;
        this.smtp = smtp.Value;
        this.time = time;
        this.logger = logger;
        warnings = new ConnectionWarnings(time);
    }

    /// <summary>Sends the due receipts; returns how many went out. Overlapping calls return 0 at once.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            return 0;
        }

        if (!await running.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            AcknowledgementLog.RunAlreadyInProgress(logger);
            return 0;
        }

        try
        {
            var rows = await store.GetDueOutboxAsync(time.GetUtcNow(), options.BatchSize, cancellationToken).ConfigureAwait(false);
            var pending = rows.Where(r => r.SentAt is null && r.AbandonedAt is null).ToList();
            if (pending.Count == 0)
            {
                return 0;
            }

            await using var connection = new SmtpReceiptConnection(smtp, logger, oauth2, warnings);
            return await SendAllAsync(pending, connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<int> SendAllAsync(List<OutboxMessage> rows, SmtpReceiptConnection connection, CancellationToken cancellationToken)
    {
        var sent = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            // Stored with the row's next write, which comes before any send (the claim, or the failure that stops it).
            row.MessageId ??= composer.NewMessageId();

            MimeKit.MimeMessage? message;
            try
            {
                message = await composer.ComposeAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // A missing or unreadable template is an operator's fix away, and one row that cannot be composed (a
                // malformed stored address) must not hold back every later receipt: either way the row is retried
                // with backoff and abandoned after MaxAttempts like any failing row.
                await FailAsync(row, ex, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (message is null)
            {
                await AbandonAsync(row, "il ticket non esiste più", cancellationToken).ConfigureAwait(false);
                continue;
            }

            try
            {
                await connection.EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The relay is down or refuses us: every remaining row waits for the next attempt, none is lost.
                AcknowledgementLog.SmtpUnavailable(logger, smtp.Host, smtp.Port, rows.Count - i, SmtpFailure.Describe(ex));
                foreach (var waiting in rows.Skip(i))
                {
                    await FailAsync(waiting, ex, cancellationToken).ConfigureAwait(false);
                }

                break;
            }

            if (await TrySendAsync(row, message, connection, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        AcknowledgementLog.RunFinished(logger, sent, rows.Count - sent);
        return sent;
    }

    private async Task<bool> TrySendAsync(OutboxMessage row, MimeKit.MimeMessage message, SmtpReceiptConnection connection, CancellationToken cancellationToken)
    {
        if (row.Attempts >= options.MaxAttempts)
        {
            // Every attempt was handed to the relay and none could be recorded: sending again would never stop.
            await AbandonAsync(row, $"{row.Attempts} tentativi senza conferma registrata dell'invio", cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Stored before the relay has the message: a store that cannot take this write sends nothing.
        OutboxRowState.Claim(row, time.GetUtcNow(), options);
        await store.UpdateOutboxAsync(row, null, cancellationToken).ConfigureAwait(false);
        try
        {
            await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            connection.Reset();
            if (SmtpFailure.IsPermanent(ex))
            {
                await AbandonAsync(row, SmtpFailure.Describe(ex), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await FailAsync(row, ex, cancellationToken, claimed: true).ConfigureAwait(false);
            }

            return false;
        }

        // The crash window (see remarks): the server holds the message, the row does not know it yet.
        metrics?.ReceiptSent();
        var sentEvent = OutboxRowState.MarkSent(row, time.GetUtcNow());
        try
        {
            await store.UpdateOutboxAsync(row, sentEvent, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            AcknowledgementLog.OutboxUpdateFailedAfterSend(logger, ex, row.TicketNumber, row.MessageId!);
            throw;
        }

        AcknowledgementLog.ReceiptSent(logger, row.TicketNumber, row.MessageId!, row.Attempts);
        return true;
    }

    private async Task FailAsync(OutboxMessage row, Exception exception, CancellationToken cancellationToken, bool claimed = false)
    {
        var error = SmtpFailure.Describe(exception);
        var abandoned = OutboxRowState.MarkFailed(row, error, time.GetUtcNow(), options, claimed);
        await store.UpdateOutboxAsync(row, abandoned, cancellationToken).ConfigureAwait(false);
        if (abandoned is null)
        {
            AcknowledgementLog.ReceiptAttemptFailed(logger, row.TicketNumber, row.Attempts, row.NextAttemptAt, error);
        }
        else
        {
            AcknowledgementLog.ReceiptAbandoned(logger, row.TicketNumber, row.Attempts, error);
        }
    }

    private async Task AbandonAsync(OutboxMessage row, string reason, CancellationToken cancellationToken)
    {
        var abandoned = OutboxRowState.MarkAbandoned(row, reason, time.GetUtcNow());
        await store.UpdateOutboxAsync(row, abandoned, cancellationToken).ConfigureAwait(false);
        AcknowledgementLog.ReceiptAbandoned(logger, row.TicketNumber, row.Attempts, reason);
    }
}
