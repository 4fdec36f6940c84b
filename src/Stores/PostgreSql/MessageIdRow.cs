namespace ContactCenter.Stores.PostgreSql;

/// <summary>A row of <c>message_ids</c> in one mailbox: <see cref="N"/> 1 for the first message with the ID, 2, 3, ... for each different one after it.</summary>
internal sealed record MessageIdRow(int N, string MessageId, string? TicketNumber, string? Fingerprint);
