using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;

namespace ContactCenter.Workers.Tests.Cli;

/// <summary>
/// A store built by the test with known figures: urp (e-mail) A closed on time, B open and overdue, C open and not yet
/// due (April); fax D (from +390864576210) closed late. Two receipts queued (A and B), quarantined items as the test adds them.
/// </summary>
internal static class KnownStore
{
    public static readonly DateTimeOffset March2 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static StoreOptions Options(string dataDirectory) => new() { DataDirectory = dataDirectory };

    public static async Task<IReadOnlyDictionary<string, string>> BuildAsync(string dataDirectory)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        var outcomes = await store.DispatchAsync(
        [
            Request("A", "urp", ChannelKind.Email, March2, March2.AddDays(2), "a@example.it"),
            Request("B", "urp", ChannelKind.Email, March2.AddDays(3), March2.AddDays(5), "b@example.it"),
            Request("C", "urp", ChannelKind.Email, new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero), null),
            Request("D", "fax", ChannelKind.Fax, March2.AddDays(8), March2.AddDays(10), null),
        ], CancellationToken.None);
        var numbers = outcomes.ToDictionary(o => o.SourceKey["test:".Length..], o => o.TicketNumber!);
        await CloseAsync(store, numbers["A"], March2.AddDays(1));
        await CloseAsync(store, numbers["D"], March2.AddDays(18));
        return numbers;
    }

    /// <summary>A store with nothing in it yet, as the service leaves it at its first start.</summary>
    public static async Task CreateEmptyAsync(string dataDirectory)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        await store.GetModeAsync(CancellationToken.None);
    }

    /// <summary>One more e-mail ticket, received at <paramref name="receivedAt"/> (a mail that arrives late keeps its date).</summary>
    public static async Task<string> AddAsync(string dataDirectory, string key, string channel, DateTimeOffset receivedAt)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        var outcomes = await store.DispatchAsync([Request(key, channel, ChannelKind.Email, receivedAt, receivedAt.AddDays(30), null)], CancellationToken.None);
        return outcomes.Single().TicketNumber!;
    }

    /// <summary>Flags a ticket for an operator's look, as a channel does (an unreadable scan, a voicemail).</summary>
    public static async Task FlagAsync(string dataDirectory, string number, string reason)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        await store.UpdateAsync(number, t =>
        {
            t.NeedsReview = true;
            t.ReviewReason = reason;
            return new TicketEvent { At = March2, Kind = TicketEventKind.FlaggedForReview, Detail = reason };
        }, CancellationToken.None);
    }

    /// <summary>Many more e-mail tickets, in batches as the pipeline stores them.</summary>
    public static async Task AddManyAsync(string dataDirectory, int count)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await store.DispatchAsync([.. chunk.Select(i => Request($"M{i}", "urp", ChannelKind.Email, March2.AddMinutes(i), March2.AddDays(30), null))], CancellationToken.None);
        }
    }

    public static Task<int> QuarantineAsync(string dataDirectory, string channel, byte[] original, string fileName, string reason) =>
        QuarantineAsync(dataDirectory, new QuarantineRecord { ChannelName = channel, Channel = ChannelKind.Email, Reason = reason }, original, fileName, "message/rfc822");

    /// <summary>Stores <paramref name="record"/> (its key made from the original's hash) as the pipeline would have.</summary>
    public static async Task<int> QuarantineAsync(string dataDirectory, QuarantineRecord record, byte[] original, string fileName, string contentType)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        var archive = TicketStoreFactory.OpenArchive(Options(dataDirectory));
        var stored = await archive.StoreAsync(new MemoryStream(original), fileName, contentType, CancellationToken.None);
        record.SourceKey = $"file:{record.ChannelName}/{stored.Sha256}";
        record.At = March2;
        record.Original = stored;
        record.Status = QuarantineStatus.Pending;
        return (await store.QuarantineAsync(record, CancellationToken.None)).Id;
    }

    public static async Task<T> ReadAsync<T>(string dataDirectory, Func<ITicketStore, Task<T>> read)
    {
        using var store = TicketStoreFactory.Open(Options(dataDirectory));
        return await read(store);
    }

    public static byte[] SampleMail(string name) =>
        File.ReadAllBytes(Path.Combine(RepositoryPaths.Root, "samples", "mail", name));

    private static Task CloseAsync(ITicketStore store, string number, DateTimeOffset at) =>
        store.UpdateAsync(number, t =>
        {
            t.Status = TicketStatus.Closed;
            t.ClosedAt = at;
            return new TicketEvent { At = at, Kind = TicketEventKind.Closed, Actor = "test", Detail = "answered" };
        }, CancellationToken.None);

    private static DispatchRequest Request(string key, string channel, ChannelKind kind, DateTimeOffset at, DateTimeOffset due, string? receiptTo) => new()
    {
        Draft = new TicketDraft
        {
            SourceKey = "test:" + key,
            ChannelName = channel,
            Channel = kind,
            ReceivedAt = at,
            Sender = new Party { DisplayName = "Cittadino " + key, Email = receiptTo, Fax = kind == ChannelKind.Fax ? "+390864576210" : null },
            Subject = "Richiesta " + key,
            TextBody = "Testo della richiesta " + key,
        },
        Classification = new Classification { Level = key == "B" ? ServiceLevel.Second : ServiceLevel.First, Category = key == "D" ? "danni" : "informazioni" },
        ClockStartedAt = at,
        DueAt = due,
        ReceiptTo = receiptTo,
    };
}
