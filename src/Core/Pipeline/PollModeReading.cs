using ContactCenter.Core.Storage;

namespace ContactCenter.Core.Pipeline;

/// <summary>
/// The service mode a poll's batches are routed in: read from the store for its first batch, and again for the first
/// batch routed once that reading is <see cref="MaxAge"/> old. A switch to emergency mode then applies to every batch
/// routed a second after it, where reading it for each batch cost a round trip to a database elsewhere at the start of
/// every commit (a batch routed just before the switch keeps the old mode either way).
/// </summary>
internal sealed class PollModeReading(ITicketStore store, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private ServiceMode _mode;
    private long? _readAt;

    public async Task<ServiceMode> GetAsync(CancellationToken cancellationToken)
    {
        if (_readAt is not { } readAt || time.GetElapsedTime(readAt) >= MaxAge)
        {
            // The age counts from before the read: a reading is never older than it claims.
            var started = time.GetTimestamp();
            _mode = await store.GetModeAsync(cancellationToken).ConfigureAwait(false);
            _readAt = started;
        }

        return _mode;
    }
}
