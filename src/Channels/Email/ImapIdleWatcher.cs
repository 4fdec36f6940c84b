using ContactCenter.Channels.OAuth;
using MailKit;
using MailKit.Net.Imap;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// Keeps a second, read-only connection to the source folder in IMAP IDLE (RFC 2177) and reports new messages. One
/// notice per IDLE round: a burst of arrivals ends one IDLE and becomes one call. IDLE is re-issued every
/// <see cref="IdleRefresh"/>, well inside the 29 minutes after which servers may drop an idle client.
/// </summary>
internal sealed class ImapIdleWatcher(
    string channel, ImapChannelOptions options, int port, ILogger logger, TimeProvider timeProvider, ConnectionWarnings warnings,
    OAuth2TokenCache? oauth2 = null)
{
    public static readonly TimeSpan IdleRefresh = TimeSpan.FromMinutes(9);

    public async Task WatchAsync(Func<CancellationToken, Task> arrived, CancellationToken cancellationToken)
    {
        var backoff = new SourceBackoff(timeProvider, options.RetryDelay, options.MaxRetryDelay);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (!await IdleUntilFailureAsync(arrived, backoff, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = backoff.RecordFailure();
                EmailSourceLog.IdleFailed(logger, channel, delay, $"{ex.GetType().Name}: {ex.Message}");
                if (!await WaitAsync(delay, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>False when stopped during the wait.</summary>
    private async Task<bool> WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether the folder still holds mail a poll would take. In a cluster every node idles on the folder: a node whose
    /// notice comes after another node's poll already moved the mail would otherwise start a second, empty poll.
    /// </summary>
    private async Task<bool> StillPendingAsync(IMailFolder folder, CancellationToken cancellationToken)
    {
        if ((await folder.SearchAsync(ImapPendingQuery.For(options), cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return true;
        }

        EmailSourceLog.IdleArrivalsTaken(logger, channel);
        return false;
    }

    private TimeSpan? Until(OAuth2Token? token) =>
        token is null ? null : TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, (token.ExpiresAt - timeProvider.GetUtcNow()).Ticks));

    /// <summary>Connects and idles until cancelled; false when the server has no IDLE (polling alone goes on).</summary>
    private async Task<bool> IdleUntilFailureAsync(Func<CancellationToken, Task> arrived, SourceBackoff backoff, CancellationToken cancellationToken)
    {
        using var client = new ImapClient();
        var token = await MailConnector.ConnectAsync(client, options, channel, "IMAP IDLE", port, logger, cancellationToken, oauth2, warnings)
            .ConfigureAwait(false);
        try
        {
            if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                EmailSourceLog.IdleUnsupported(logger, channel, options.Host);
                return false;
            }

            var folder = await client.GetFolderAsync(options.Folder, cancellationToken).ConfigureAwait(false);
            await folder.OpenAsync(FolderAccess.ReadOnly, cancellationToken).ConfigureAwait(false);
            backoff.Reset();
            EmailSourceLog.Idling(logger, channel, folder.FullName);
            while (true)
            {
                // EXISTS after our own poller's EXPUNGEs may leave the count below where it started, and MailKit raises
                // CountChanged for EXISTS only: so expunges lower the mark one by one and any count above it is new mail.
                var mark = folder.Count;
                var arrivals = false;
                using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                done.CancelAfter(Until(token) is { } left && left < IdleRefresh ? left : IdleRefresh);
                void OnExpunged(object? sender, MessageEventArgs e) => mark = Math.Max(0, mark - 1);
                void OnCountChanged(object? sender, EventArgs e)
                {
                    if (folder.Count > mark)
                    {
                        arrivals = true;
                        done.Cancel();
                    }

                    mark = folder.Count;
                }

                folder.MessageExpunged += OnExpunged;
                folder.CountChanged += OnCountChanged;
                try
                {
                    await client.IdleAsync(done.Token, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    folder.CountChanged -= OnCountChanged;
                    folder.MessageExpunged -= OnExpunged;
                }

                if (arrivals && await StillPendingAsync(folder, cancellationToken).ConfigureAwait(false))
                {
                    await arrived(cancellationToken).ConfigureAwait(false);
                }

                if (token is not null && oauth2!.HasExpired(token))
                {
                    // The next connection logs in with a fresh token (Exchange Online drops sessions whose token expired).
                    OAuth2Log.SessionTokenExpired(logger, channel);
                    return true;
                }
            }
        }
        finally
        {
            await MailConnector.QuietDisconnectAsync(client, quit: !cancellationToken.IsCancellationRequested, channel, logger).ConfigureAwait(false);
        }
    }
}
