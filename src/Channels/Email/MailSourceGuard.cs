using Microsoft.Extensions.Logging;

namespace ContactCenter.Channels.Email;

/// <summary>
/// The failure policy both mail sources share: a broken account is skipped while its backoff runs, and every server
/// step that fails drops the connection (its state is unknown) and lengthens the backoff before rethrowing to the job.
/// </summary>
internal sealed class MailSourceGuard(
    string channel, MailConnectionOptions options, int port, ILogger logger, TimeProvider timeProvider, Func<Task> dropConnection)
{
    private readonly SourceBackoff _backoff = new(timeProvider, options.RetryDelay, options.MaxRetryDelay);

    /// <summary>True (and logged) when this poll must be skipped because an earlier failure's delay has not elapsed.</summary>
    public bool IsBackingOff()
    {
        if (!_backoff.IsBackingOff(out var remaining))
        {
            return false;
        }

        EmailSourceLog.BackingOff(logger, channel, _backoff.Failures, remaining);
        return true;
    }

    /// <summary>Runs one server step; a failure drops the connection, starts the backoff and is rethrown to the job.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            var result = await step(cancellationToken).ConfigureAwait(false);
            if (_backoff.Failures > 0)
            {
                EmailSourceLog.Recovered(logger, channel, options.Host, _backoff.Failures);
                _backoff.Reset();
            }

            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await dropConnection().ConfigureAwait(false);
            throw;
        }
        catch (Exception ex)
        {
            var delay = _backoff.RecordFailure();
            EmailSourceLog.ConnectFailed(logger, ex, channel, options.Host, port, delay, _backoff.Failures);
            await dropConnection().ConfigureAwait(false);
            throw;
        }
    }
}
