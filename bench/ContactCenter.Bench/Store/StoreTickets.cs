using ContactCenter.Bench.Reporting;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Bulk;

namespace ContactCenter.Bench.Store;

/// <summary>
/// Dispatch requests whose stored ticket is about 2 KB of BSON: the store keeps the body twice (the ticket's and its
/// first message's), so a 700-character Italian request plus the fields and the history event.
/// </summary>
internal static class StoreTickets
{
    public const int BodyChars = 700;

    public static DispatchRequest Request(int number, string run)
    {
        var random = new Random(number);
        var name = ItalianText.Name(random);
        var body = ItalianText.Request(random, name);
        while (body.Length < BodyChars)
        {
            body += ItalianText.Request(random, name);
        }

        var received = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero).AddSeconds(number);
        return new DispatchRequest
        {
            Draft = new TicketDraft
            {
                SourceKey = $"bench:{run}/{number}",
                ChannelName = "bench",
                Channel = ChannelKind.Email,
                ReceivedAt = received,
                Sender = new Party { DisplayName = name, Email = $"cittadino{number}@example.it" },
                ReplyAddress = $"cittadino{number}@example.it",
                Subject = ItalianText.Subject(random, number),
                TextBody = body[..BodyChars],
                Language = "it",
                MessageId = $"store-{run}-{number}@example.it",
            },
            Classification = new Classification { Category = "informazioni", RuleName = "bench", Matches = ["body contains \"informazioni\""] },
            ClockStartedAt = received,
            DueAt = received.AddDays(5),
        };
    }

    /// <summary>The ticket a dispatch would make of a request (its message built as the dispatcher builds it), for the raw LiteDB baseline.</summary>
    /// <summary>Dispatches the requests in batches and returns tickets per second; every one must make a new ticket.</summary>
    public static async Task<double> DispatchRateAsync(ITicketStore store, IReadOnlyList<DispatchRequest> requests, int batch, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var chunk in requests.Chunk(batch))
        {
            var outcomes = await store.DispatchAsync(chunk, cancellationToken);
            if (outcomes.Any(o => o.Kind != DispatchOutcomeKind.Created))
            {
                throw new InvalidOperationException($"expected only new tickets, got {string.Join(", ", outcomes.Select(o => o.Kind))}");
            }
        }

        return Rate.PerSecond(requests.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    public static Ticket Ticket(DispatchRequest request, int number) => new()
    {
        Number = $"PC-2026-{number:D6}",
        Year = 2026,
        Sequence = number,
        Channel = request.Draft.Channel,
        ChannelName = request.Draft.ChannelName,
        ReceivedAt = request.Draft.ReceivedAt,
        Sender = request.Draft.Sender,
        Subject = request.Draft.Subject,
        TextBody = request.Draft.TextBody,
        Language = request.Draft.Language,
        SourceKey = request.Draft.SourceKey,
        MessageId = request.Draft.MessageId,
        Classification = request.Classification,
        ClockStartedAt = request.ClockStartedAt,
        DueAt = request.DueAt,
        Messages = [TicketFactory.MessageOf(request.Draft, MessageKind.Original, request.Draft.MessageId)],
        History = [new TicketEvent { At = request.Draft.ReceivedAt, Kind = TicketEventKind.Received, Detail = "Ricevuto da bench", SourceKey = request.Draft.SourceKey }],
    };

    /// <summary>The BSON size of the baseline's ticket, printed in the row so "2 KB" is checked, not assumed.</summary>
    public static int BsonBytes() =>
        LiteDB.BsonSerializer.Serialize(StoreBsonMapper.Create().ToDocument(Ticket(Request(1, "size"), 1))).Length;
}
