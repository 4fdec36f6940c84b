using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>What a child worker left in its store, read once it has exited (the store's lock is free again).</summary>
internal sealed record StoreSnapshot(IReadOnlyList<Ticket> Tickets, IReadOnlyList<QuarantineRecord> Quarantine)
{
    public IReadOnlyList<string> SourceKeys => Tickets.Select(t => t.SourceKey).ToList();

    public static async Task<StoreSnapshot> ReadAsync(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "tickets.db")))
        {
            return new StoreSnapshot([], []);
        }

        using var store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = dataDirectory });
        return new StoreSnapshot(
            await store.QueryAsync(new TicketQuery(), CancellationToken.None),
            await store.ListQuarantineAsync(includeResolved: true, CancellationToken.None));
    }
}
