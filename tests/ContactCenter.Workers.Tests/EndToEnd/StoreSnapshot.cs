using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Workers.Tests.EndToEnd;

/// <summary>
/// The tickets a child worker left in its store, with their source keys (which <c>tickets list --json</c> does not show),
/// read once it has exited and the store's lock is free again.
/// </summary>
internal sealed record StoreSnapshot(IReadOnlyList<Ticket> Tickets)
{
    public IReadOnlyList<string> SourceKeys => Tickets.Select(t => t.SourceKey).ToList();

    public static async Task<StoreSnapshot> ReadAsync(string dataDirectory)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "tickets.db")))
        {
            return new StoreSnapshot([]);
        }

        using var store = TicketStoreFactory.Open(new StoreOptions { DataDirectory = dataDirectory });
        return new StoreSnapshot(await store.QueryAsync(new TicketQuery(), CancellationToken.None));
    }
}
