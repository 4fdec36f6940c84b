using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Stores.PostgreSql.Tests.Contract;

public sealed partial class TicketStoreContractTests
{
    private static readonly DateTimeOffset T0 = StoreRequests.Received;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_ByStatusChannelAndReceivedRange_FiltersAndOrders(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", receivedAt: T0.AddHours(3)),
            StoreRequests.Mail("k2", receivedAt: T0.AddHours(1), channel: "pec"),
            StoreRequests.Mail("k3", receivedAt: T0.AddHours(2).ToOffset(TimeSpan.FromHours(2))),
            StoreRequests.Mail("k4", receivedAt: T0.AddDays(3)),
        ], default);
        await Close(s.Store, "PC-2026-000003");

        (await Numbers(s.Store, new TicketQuery())).Should().Equal("PC-2026-000002", "PC-2026-000003", "PC-2026-000001", "PC-2026-000004");
        (await Numbers(s.Store, new TicketQuery { ChannelName = "posta" })).Should().Equal("PC-2026-000003", "PC-2026-000001", "PC-2026-000004");
        (await Numbers(s.Store, new TicketQuery { Status = TicketStatus.Open, ReceivedFrom = T0.AddHours(1), ReceivedTo = T0.AddDays(3) }))
            .Should().Equal("PC-2026-000002", "PC-2026-000001");
        (await Numbers(s.Store, new TicketQuery { DueBefore = T0.AddDays(2).AddHours(2) })).Should().Equal("PC-2026-000002");
        (await Numbers(s.Store, new TicketQuery { SourceKey = "k3" })).Should().Equal("PC-2026-000003");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_NeedsReview_OnlyFlaggedTickets_UntilTheFlagIsCleared(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var flagged = StoreRequests.Mail("k2", receivedAt: T0.AddHours(2));
        flagged.Draft.NeedsReview = true;
        flagged.Draft.ReviewReason = "confidenza media dell'OCR 41 sotto la soglia di 60";
        var later = StoreRequests.Mail("k3", receivedAt: T0.AddHours(1));
        later.Draft.NeedsReview = true;
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), flagged, later], default);

        (await Numbers(s.Store, new TicketQuery { NeedsReview = true })).Should().Equal("PC-2026-000003", "PC-2026-000002");
        await s.Store.UpdateAsync("PC-2026-000002", t =>
        {
            t.NeedsReview = false;
            return new TicketEvent { Kind = TicketEventKind.Reviewed, Detail = "letto" };
        }, default);

        (await Numbers(s.Store, new TicketQuery { NeedsReview = true, Status = TicketStatus.Open })).Should().Equal("PC-2026-000003");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_Overdue_OnlyOpenUnsuspendedPastDue(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3"), StoreRequests.Mail("k4", receivedAt: T0.AddDays(10))], default);
        await Close(s.Store, "PC-2026-000002");
        await s.Store.UpdateAsync("PC-2026-000003", t =>
        {
            t.Suspensions.Add(new SlaSuspension { From = T0.AddDays(1), WaitingFor = "Regione" });
            return new TicketEvent { Kind = TicketEventKind.Suspended };
        }, default);

        (await Numbers(s.Store, new TicketQuery { OverdueAt = T0.AddDays(5) })).Should().Equal("PC-2026-000001");
        (await s.Store.GetAsync("PC-2026-000003", default))!.IsSuspended.Should().BeTrue();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_Limit_BreaksTiesOnReceivedAtByNumber(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", receivedAt: T0.AddHours(1)), StoreRequests.Mail("k2"), StoreRequests.Mail("k3"), StoreRequests.Mail("k4")], default);

        (await Numbers(s.Store, new TicketQuery { Limit = 2 })).Should().Equal("PC-2026-000002", "PC-2026-000003");
        (await Numbers(s.Store, new TicketQuery { Limit = 3 })).Should().Equal("PC-2026-000002", "PC-2026-000003", "PC-2026-000004");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_PagedAfterTheLastTicket_EveryTicketOnce_ThoughManyArrivedInOneInstant(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        // Twelve tickets: three instants, five of them in T0 (a batch's clamped arrival), one in another offset.
        await s.Store.DispatchAsync(
            [.. Enumerable.Range(1, 12).Select(i => StoreRequests.Mail($"k{i}", receivedAt: (i % 3) switch
            {
                0 => T0,
                1 => T0.AddMinutes(5).ToOffset(TimeSpan.FromHours(1)),
                _ => T0.AddMinutes(-5),
            }))], default);
        var all = (await Numbers(s.Store, new TicketQuery())).ToList();
        var pages = new List<IReadOnlyList<string>>();
        TicketCursor? after = null;
        for (var page = 0; page < 10; page++)
        {
            var tickets = await s.Store.QueryAsync(new TicketQuery { Limit = 2, After = after }, default);
            if (tickets.Count == 0)
            {
                break;
            }

            pages.Add([.. tickets.Select(t => t.Number)]);
            after = TicketCursor.Of(tickets[^1]);
        }

        pages.Should().HaveCount(6).And.AllSatisfy(p => p.Should().HaveCount(2));
        pages.SelectMany(p => p).Should().Equal(all);
        (await Numbers(s.Store, new TicketQuery { After = after })).Should().BeEmpty();
        var open = await Numbers(s.Store, new TicketQuery { Status = TicketStatus.Open, Limit = 3, After = TicketCursor.Of((await s.Store.GetAsync(all[4], default))!) });
        open.Should().Equal(all.Skip(5).Take(3), "the cursor combines with the filters and the limit");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_NewestFirst_PagedBackInTime_IsTheListReversed(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        // Four tickets in each of three instants, pages of three: every page but one ends inside a tie.
        await s.Store.DispatchAsync(
            [.. Enumerable.Range(1, 12).Select(i => StoreRequests.Mail($"k{i}", receivedAt: T0.AddMinutes(5 * (i % 3)).ToOffset(TimeSpan.FromHours(i % 2))))], default);
        var oldestFirst = (await Numbers(s.Store, new TicketQuery())).ToList();
        var pages = new List<string>();
        TicketCursor? after = null;
        for (var page = 0; page < 10; page++)
        {
            var tickets = await s.Store.QueryAsync(new TicketQuery { Limit = 3, After = after, NewestFirst = true }, default);
            if (tickets.Count == 0)
            {
                break;
            }

            tickets.Should().HaveCount(3);
            pages.AddRange(tickets.Select(t => t.Number));
            after = TicketCursor.Of(tickets[^1]);
        }

        pages.Should().Equal(Enumerable.Reverse(oldestFirst), "nothing skipped or given twice, ties broken by the higher number first");
        (await Numbers(s.Store, new TicketQuery { NewestFirst = true, Limit = 2, ReceivedTo = T0.AddMinutes(10) }))
            .Should().Equal(oldestFirst.Take(8).Reverse().Take(2), "the newest before a date, as the filters combine");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Update_UnknownTicket_ReturnsNull(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);

        (await s.Store.UpdateAsync("PC-2026-000042", _ => new TicketEvent { Kind = TicketEventKind.Closed }, default)).Should().BeNull();
        (await s.Store.GetAsync("PC-2026-000042", default)).Should().BeNull();
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SetMode_SurvivesReopen(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        (await s.Store.GetModeAsync(default)).Should().Be(ServiceMode.Ordinary);

        await s.Store.SetModeAsync(ServiceMode.Emergency, "admin", default);

        (await s.Reopen().GetModeAsync(default)).Should().Be(ServiceMode.Emergency);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_BySender_EmailAndFiscalCodeInAnyCase_PhoneOrFaxAsStored(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        var letter = StoreRequests.Mail("k2", receivedAt: T0.AddHours(1));
        letter.Draft.Sender = new Party { DisplayName = "Giulia Bianchi", Phone = "+390854213377", FiscalCode = "BNCGLI80A41G482X" };
        var fax = StoreRequests.Mail("k3", receivedAt: T0.AddHours(2));
        fax.Draft.Sender = new Party { DisplayName = "Comune di Sulmona", Fax = "+390864576210" };
        var typed = StoreRequests.Mail("k5", receivedAt: T0.AddHours(4));
        typed.Draft.Sender = new Party { DisplayName = "Ufficio tecnico", Phone = "0864 576210" }; // a phone kept as typed, not E.164
        await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1", senderEmail: "Mario.Rossi@Example.it"), letter, fax, StoreRequests.Mail("k4", receivedAt: T0.AddHours(3), senderEmail: "altro@example.it"), typed],
            default);

        (await Numbers(s.Store, new TicketQuery { Sender = " mario.rossi@EXAMPLE.it " })).Should().Equal("PC-2026-000001");
        (await Numbers(s.Store, new TicketQuery { Sender = "bncgli80a41g482x" })).Should().Equal("PC-2026-000002");
        (await Numbers(s.Store, new TicketQuery { Sender = "085 4213377", SenderPhone = "+390854213377" })).Should().Equal("PC-2026-000002");
        (await Numbers(s.Store, new TicketQuery { Sender = "+390864576210" })).Should().Equal("PC-2026-000003");
        (await Numbers(s.Store, new TicketQuery { Sender = "0864 576210", SenderPhone = "+390864576210" })).Should().Equal(["PC-2026-000003"],
            "a phone is compared in its E.164 form, on both stores");
        (await Numbers(s.Store, new TicketQuery { Sender = "rossi" })).Should().BeEmpty("a sender is found by an exact key, not a part of it");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_Corrected_OnlyReclassifiedTickets(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync([StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3")], default);
        await s.Store.UpdateAsync("PC-2026-000002", t =>
        {
            t.Classification = new Classification { Level = ServiceLevel.Second, Category = "rischio sismico", RuleName = "correction", IsCorrection = true };
            return new TicketEvent { Kind = TicketEventKind.Reclassified, Detail = "level 1 -> 2" };
        }, default);

        (await Numbers(s.Store, new TicketQuery { Corrected = true })).Should().Equal("PC-2026-000002");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummarizeTickets_CountsPerChannel_LastByNumberNotByArrival(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        (await s.Store.SummarizeTicketsAsync(T0, default)).Should().BeEmpty();
        var flagged = StoreRequests.Mail("k2", channel: "pec");
        flagged.Draft.NeedsReview = true;
        await s.Store.DispatchAsync(
        [
            StoreRequests.Mail("k1", receivedAt: T0.AddDays(2)),
            flagged,
            StoreRequests.Mail("k3", receivedAt: T0.AddDays(1)), // a late letter: made last, received earlier
        ], default);
        await Close(s.Store, "PC-2026-000001");

        var summary = await s.Store.SummarizeTicketsAsync(T0, default);

        summary.Should().Equal(
            new ChannelTicketSummary("pec", 1, 1, 1, 0, "PC-2026-000002", T0),
            new ChannelTicketSummary("posta", 2, 1, 0, 0, "PC-2026-000003", T0.AddDays(1)));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SummarizeTickets_Overdue_OnlyOpenUnsuspendedPastDueAtTheInstantAsked(StoreProvider provider)
    {
        await using var s = await OpenAsync(provider);
        await s.Store.DispatchAsync(
            [StoreRequests.Mail("k1"), StoreRequests.Mail("k2"), StoreRequests.Mail("k3"), StoreRequests.Mail("k4", receivedAt: T0.AddDays(10))], default);
        await Close(s.Store, "PC-2026-000002");
        await s.Store.UpdateAsync("PC-2026-000003", t =>
        {
            t.Suspensions.Add(new SlaSuspension { From = T0.AddDays(1), WaitingFor = "Regione" });
            return new TicketEvent { Kind = TicketEventKind.Suspended };
        }, default);

        (await s.Store.SummarizeTicketsAsync(T0.AddDays(5), default)).Should().ContainSingle().Which.Overdue.Should().Be(1, "k1 only: k2 closed, k3 waiting, k4 not due");
        (await s.Store.SummarizeTicketsAsync(T0.AddDays(20), default)).Single().Overdue.Should().Be(2, "k4 past due too");
        (await s.Store.SummarizeTicketsAsync(T0, default)).Single().Overdue.Should().Be(0);

        await s.Store.UpdateAsync("PC-2026-000003", t =>
        {
            t.Suspensions[^1].Until = T0.AddDays(2);
            return new TicketEvent { Kind = TicketEventKind.Resumed };
        }, default);
        (await s.Store.SummarizeTicketsAsync(T0.AddDays(20), default)).Single().Overdue.Should().Be(3, "resumed, its clock runs again");
    }

    private static async Task<IEnumerable<string>> Numbers(ITicketStore store, TicketQuery query) =>
        (await store.QueryAsync(query, default)).Select(t => t.Number);

    private static Task Close(ITicketStore store, string number) => store.UpdateAsync(number, t =>
    {
        t.Status = TicketStatus.Closed;
        return new TicketEvent { Kind = TicketEventKind.Closed };
    }, default);
}
