using ContactCenter.Testing.Storage;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

/// <summary>A follow-up naming someone else's ticket: appended but marked and flagged, or a new linked ticket.</summary>
public sealed class LiteDbTicketStoreStrangerTests : IDisposable
{
    private readonly StoreTestContext ctx = new();

    public void Dispose() => ctx.Dispose();

    [Fact]
    public async Task Dispatch_ForgedInReplyTo_FromStranger_AlsoFlagged()
    {
        await ctx.Store.DispatchAsync([StoreRequests.Mail("k1", messageId: "<orig@example.it>")], default);

        await ctx.Store.DispatchAsync([From(StoreRequests.Mail("k2", "altro", inReplyTo: "<orig@example.it>"), "estraneo@example.org")], default);

        var ticket = (await ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages.Should().HaveCount(2);
        ticket.Messages[1].FromDifferentSender.Should().BeTrue();
        ticket.NeedsReview.Should().BeTrue();
    }

    [Fact]
    public async Task Dispatch_CorrespondentInAnotherCase_NotFlagged()
    {
        await ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);

        await ctx.Store.DispatchAsync([From(StoreRequests.Mail("k2", "RE: [PC-2026-000001]"), " Mario.Rossi@Example.it ")], default);

        var ticket = (await ctx.Store.GetAsync("PC-2026-000001", default))!;
        ticket.Messages[1].FromDifferentSender.Should().BeFalse();
        ticket.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public async Task Dispatch_NewTicketMode_StrangerOpensALinkedTicket()
    {
        await ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var request = From(StoreRequests.Mail("k2", "RE: [PC-2026-000001]"), "estraneo@example.org");
        request.Draft.FollowUpFromStrangers = FollowUpFromStrangers.NewTicket;

        var outcome = (await ctx.Store.DispatchAsync([request], default)).Single();

        outcome.Should().Be(new DispatchOutcome("k2", DispatchOutcomeKind.Created, "PC-2026-000002", LinkedTicketNumber: "PC-2026-000001"));
        var created = (await ctx.Store.GetAsync("PC-2026-000002", default))!;
        created.LinkedTicketNumber.Should().Be("PC-2026-000001");
        var named = (await ctx.Store.GetAsync("PC-2026-000001", default))!;
        named.Messages.Should().ContainSingle("nothing was written into the citizen's ticket");
        named.History.Should().Contain(e => e.Detail.Contains("PC-2026-000002"));
    }

    [Fact]
    public async Task Dispatch_NewTicketMode_CorrespondentStillAppends()
    {
        await ctx.Store.DispatchAsync([StoreRequests.Mail("k1")], default);
        var request = StoreRequests.Mail("k2", "RE: [PC-2026-000001]");
        request.Draft.FollowUpFromStrangers = FollowUpFromStrangers.NewTicket;

        var outcome = (await ctx.Store.DispatchAsync([request], default)).Single();

        outcome.Kind.Should().Be(DispatchOutcomeKind.FollowUpAppended);
    }

    private static DispatchRequest From(DispatchRequest request, string address)
    {
        request.Draft.Sender = new Party { Email = address };
        return request;
    }
}
