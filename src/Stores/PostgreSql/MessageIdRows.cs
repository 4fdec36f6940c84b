using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using Npgsql;

namespace ContactCenter.Stores.PostgreSql;

/// <summary>
/// The <c>message_ids</c> rows a dispatch batch decides on, read once for the whole batch: every row under a
/// Message-ID the batch carries or refers to (In-Reply-To, References), plus the rows the batch itself adds, so a
/// second copy in the same batch is a duplicate exactly as if it came in the next one.
/// </summary>
internal sealed class MessageIdRows
{
    public const string Query = "SELECT channel, message_id, n, ticket_number, fingerprint FROM message_ids WHERE message_id = ANY(@ids)";

    private readonly HashSet<string> _wanted;
    private readonly Dictionary<string, List<(string Channel, MessageIdRow Row)>> _rows = new(StringComparer.Ordinal);

    public MessageIdRows(IEnumerable<DispatchRequest> batch) =>
        _wanted = batch.SelectMany(r => r.Draft.References.Prepend(r.Draft.InReplyTo).Prepend(r.Draft.MessageId))
            .Select(MessageIdRecord.Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public string[] Wanted => [.. _wanted];

    public void Read(NpgsqlDataReader reader) =>
        Add(reader.GetString(0), new MessageIdRow(reader.GetInt32(2), reader.GetString(1), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4)));

    public void Add(string channel, MessageIdRow row)
    {
        if (!_rows.TryGetValue(row.MessageId, out var rows))
        {
            _rows[row.MessageId] = rows = [];
        }

        rows.Add((channel, row));
    }

    /// <summary>The rows under <paramref name="messageId"/> in one mailbox, by <see cref="MessageIdRow.N"/>.</summary>
    public List<MessageIdRow> InChannel(string channel, string messageId) =>
        [.. Of(messageId).Where(r => r.Channel == channel).Select(r => r.Row).OrderBy(r => r.N)];

    /// <summary>The tickets a reference to <paramref name="messageId"/> leads to, by mailbox name (ordinal) and N.</summary>
    public IEnumerable<string> Tickets(string messageId) =>
        Of(messageId).Where(r => r.Row.TicketNumber is not null).OrderBy(r => r.Channel, StringComparer.Ordinal).ThenBy(r => r.Row.N)
            .Select(r => r.Row.TicketNumber!);

    private List<(string Channel, MessageIdRow Row)> Of(string messageId) =>
        !_wanted.Contains(messageId) ? throw new InvalidOperationException($"Message-ID {messageId} was not read for this batch.")
        : _rows.TryGetValue(messageId, out var rows) ? rows : [];
}
