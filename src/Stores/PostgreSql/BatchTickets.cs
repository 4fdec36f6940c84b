using ContactCenter.Core.Tickets;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The tickets a dispatch batch reads and changes, written all at once with the batch's other rows. Each is read once,
/// its row locked (FOR UPDATE) until the transaction ends, so two nodes never overwrite each other's change; a ticket
/// the batch creates is found here by the batch's later items (a reply in the same poll) before it is stored.
/// </summary>
internal sealed class BatchTickets(NpgsqlConnection db)
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly List<Entry> _order = [];
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);

    /// <summary>The statement that locks and reads <paramref name="numbers"/> with the batch's first reads, and what reads its rows.</summary>
    public (NpgsqlBatchCommand Command, Action<NpgsqlDataReader> ReadRow) Lock(IEnumerable<string> numbers) =>
        (TicketRows.FindForUpdateCommand(Want(numbers)), r => Track(new Entry(TicketRows.Read(r), Stored: true)));

    /// <summary>Locks and reads the tickets the batch will probably change, in one statement (none when all are known).</summary>
    public async Task PreloadAsync(IEnumerable<string> numbers, CancellationToken cancellationToken)
    {
        var wanted = Want(numbers);
        if (wanted.Length == 0)
        {
            return;
        }

        foreach (var ticket in await TicketRows.FindForUpdateAsync(db, wanted, cancellationToken).ConfigureAwait(false))
        {
            Track(new Entry(ticket, Stored: true));
        }
    }

    public async Task<Ticket?> FindForUpdateAsync(string number, CancellationToken cancellationToken)
    {
        await PreloadAsync([number], cancellationToken).ConfigureAwait(false);
        return _entries.TryGetValue(number, out var entry) ? entry.Ticket : null;
    }

    /// <summary>The ticket as this batch sees it, without locking a row it does not change.</summary>
    public async Task<Ticket?> FindAsync(string number, CancellationToken cancellationToken) =>
        _entries.TryGetValue(number, out var entry) ? entry.Ticket
        : _absent.Contains(number) ? null
        : await TicketRows.FindAsync(db, number, cancellationToken).ConfigureAwait(false);

    public void Created(Ticket ticket) => Track(new Entry(ticket, Stored: false) { Changed = true });

    public void Changed(Ticket ticket) => _entries[ticket.Number].Changed = true;

    /// <summary>The INSERTs and UPDATEs of what changed since the last call, in the order the tickets were first seen.</summary>
    public IEnumerable<NpgsqlBatchCommand> TakeWrites()
    {
        var commands = new List<NpgsqlBatchCommand>();
        foreach (var entry in _order.Where(e => e.Changed))
        {
            commands.Add(entry.Stored ? TicketRows.UpdateCommand(entry.Ticket) : TicketRows.InsertCommand(entry.Ticket));
            entry.Stored = true;
            entry.Changed = false;
        }

        return commands;
    }

    /// <summary>The numbers not seen yet, absent from now on unless their read finds them (<see cref="Track"/>).</summary>
    private string[] Want(IEnumerable<string> numbers)
    {
        var wanted = numbers.Where(n => !_entries.ContainsKey(n) && !_absent.Contains(n)).Distinct(StringComparer.Ordinal).ToArray();
        _absent.UnionWith(wanted);
        return wanted;
    }

    private void Track(Entry entry)
    {
        _absent.Remove(entry.Ticket.Number);
        _entries.Add(entry.Ticket.Number, entry);
        _order.Add(entry);
    }

    private sealed record Entry(Ticket Ticket, bool Stored)
    {
        public bool Stored { get; set; } = Stored;

        public bool Changed { get; set; }
    }
}
