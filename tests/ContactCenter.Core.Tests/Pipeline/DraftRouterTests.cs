using ContactCenter.Core.Intake;
using ContactCenter.Core.Pipeline;
using ContactCenter.Core.Receipts;
using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tests.Sla;
using ContactCenter.Core.Tickets;

namespace ContactCenter.Core.Tests.Pipeline;

public sealed class DraftRouterTests
{
    private static readonly DateTimeOffset Received = SlaSetup.At(2026, 3, 10, 9, 0, 1);

    [Fact]
    public async Task Route_FirstLevelItem_AlsoPlansTheSecondLevel_ForATicketItMayReopen()
    {
        var sla = new SlaSetup();
        var router = new DraftRouter(new FixedLevel(ServiceLevel.First), sla.Planner, new NoReceipt());

        var (request, reason) = await router.RouteAsync(Draft(), ServiceMode.Ordinary, CancellationToken.None);

        reason.Should().BeNull();
        request!.DueAt.Should().Be(sla.Planner.Plan(ServiceLevel.First, ChannelKind.Email, Received, ServiceMode.Ordinary).DueAt);
        request.PlanFor(ServiceLevel.Second).Should().Be(sla.Planner.Plan(ServiceLevel.Second, ChannelKind.Email, Received, ServiceMode.Ordinary));
        request.PlanFor(ServiceLevel.First).DueAt.Should().Be(request.DueAt);
    }

    private static TicketDraft Draft() => new()
    {
        SourceKey = "k1", ChannelName = "posta", Channel = ChannelKind.Email, ReceivedAt = Received, Subject = "grazie", TextBody = "Grazie della risposta.",
    };

    private sealed class FixedLevel(ServiceLevel level) : ITicketClassifier
    {
        public Classification Classify(TicketDraft draft) => new() { Level = level, Category = "informazioni", RuleName = "test" };
    }

    private sealed class NoReceipt : IReceiptPolicy
    {
        public ValueTask<ReceiptDecision> DecideAsync(TicketDraft draft, CancellationToken cancellationToken) => ValueTask.FromResult(new ReceiptDecision(null, "test"));
    }
}
