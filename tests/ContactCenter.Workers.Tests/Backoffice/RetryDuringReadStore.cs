using ContactCenter.Core.Storage;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Workers.Tests.Backoffice;

/// <summary>
/// Returns a quarantine record as read, then dispatches its source key (a retry finishing) before the caller writes:
/// the interleaving of a discard that read the record just before a retry made its ticket.
/// </summary>
internal sealed class RetryDuringReadStore(ITicketStore inner) : TicketStoreDecorator
{
    protected override ITicketStore Inner => inner;

    public override async Task<QuarantineRecord?> GetQuarantineAsync(int id, CancellationToken cancellationToken)
    {
        var record = await inner.GetQuarantineAsync(id, cancellationToken);
        if (record is { Status: QuarantineStatus.Pending })
        {
            await inner.DispatchAsync([StoreRequests.Mail(record.SourceKey)], cancellationToken);
        }

        return record;
    }
}
