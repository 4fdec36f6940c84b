using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

/// <summary>A ticket holds its follow-ups; one that would take it past the document limit goes elsewhere, never fails the batch.</summary>
public sealed partial class TicketStoreContractTests
{
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FollowUpsPastTheDocumentLimit_TheLastOpensALinkedTicket_AutomaticMailIsKeptApart(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);
        var text = new string('\u6f22', 1_000_000); // 3 MB in UTF-8, as Mail:MaxBodyChars allows

        var outcomes = new List<DispatchOutcome>();
        for (var i = 2; i <= 6; i++)
        {
            outcomes.AddRange(await s.Store.DispatchAsync(
                [StoreRequests.Mail($"k{i}", "Re: allerta meteo", messageId: $"<r{i}@example.it>", inReplyTo: "<orig@example.it>", body: text)], default));
        }

        var auto = (await s.Store.DispatchAsync([StoreRequests.Mail("k7", "Risposta automatica", messageId: "<auto@example.it>",
            inReplyTo: "<orig@example.it>", automatic: AutomaticMailKind.AutoReply, body: text)], default)).Single();

        outcomes.Select(o => o.Kind).Should().Equal(Enumerable.Repeat(DispatchOutcomeKind.FollowUpAppended, 4).Append(DispatchOutcomeKind.Created));
        var original = (await s.Store.GetAsync("PC-2026-000001", default))!;
        original.Messages.Should().HaveCount(5);
        original.History.Should().Contain(e => e.Kind == TicketEventKind.Note && e.Detail.Contains(outcomes[4].TicketNumber!));
        var linked = (await s.Store.GetAsync(outcomes[4].TicketNumber!, default))!;
        linked.LinkedTicketNumber.Should().Be("PC-2026-000001");
        linked.TextBody.Should().HaveLength(1_000_000, "nothing of the follow-up is lost");
        auto.Kind.Should().Be(DispatchOutcomeKind.AutoMailRecorded, "an auto-reply is not worth a ticket, and the ticket is full");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Dispatch_FollowUpsWithLongHeaders_CountTowardsTheLimit(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);
        // A short text under a megabyte of References each: the headers fill a ticket as surely as the texts.
        string[] references = [.. Enumerable.Range(0, 1_000).Select(i => $"<{i:D6}.{new string('r', 980)}@example.it>")];

        var outcomes = new List<DispatchOutcome>();
        for (var i = 2; i <= 14; i++)
        {
            outcomes.AddRange(await s.Store.DispatchAsync(
                [StoreRequests.Mail($"k{i}", "Re: allerta meteo", messageId: $"<r{i}@example.it>", inReplyTo: "<orig@example.it>", references: references)], default));
        }

        outcomes.Should().Contain(o => o.Kind == DispatchOutcomeKind.Created, "a ticket never grows past the limit, whatever fills it");
        var first = outcomes.FindIndex(o => o.Kind == DispatchOutcomeKind.Created);
        outcomes.Take(first).Should().OnlyContain(o => o.Kind == DispatchOutcomeKind.FollowUpAppended);
        first.Should().BeInRange(10, 12, "about 12 MB of References: the estimate counts them");
    }
}
