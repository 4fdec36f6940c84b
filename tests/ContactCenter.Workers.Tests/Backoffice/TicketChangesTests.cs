using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Backoffice;

public sealed class TicketChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 11, 0, 0, TimeSpan.Zero);
    private readonly TicketChanges changes = new(new FakeTimeProvider(Now));

    [Fact]
    public void Close_SuspendedTicket_ClosesAndEndsTheSuspension()
    {
        var ticket = Open();
        ticket.Suspensions.Add(new SlaSuspension { From = Now.AddDays(-1), WaitingFor = "Regione" });

        var events = changes.Apply(ticket, TicketAction.Close, new TicketChange { Actor = "cli:anna", Reason = "risposto" }, ServiceMode.Ordinary);

        ticket.Status.Should().Be(TicketStatus.Closed);
        ticket.ClosedAt.Should().Be(Now);
        ticket.IsSuspended.Should().BeFalse();
        events.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = TicketEventKind.Closed, Actor = "cli:anna", Detail = "risposto" });
    }

    [Fact]
    public void CloseOrReopen_WhenItDoesNotApply_Throws()
    {
        var closed = Open();
        closed.Status = TicketStatus.Closed;

        FluentActions.Invoking(() => changes.Apply(closed, TicketAction.Close, new TicketChange(), ServiceMode.Ordinary))
            .Should().Throw<InvalidOperationException>().WithMessage("*already closed*");
        FluentActions.Invoking(() => changes.Apply(Open(), TicketAction.Reopen, new TicketChange(), ServiceMode.Ordinary))
            .Should().Throw<InvalidOperationException>().WithMessage("*already open*");
    }

    [Fact]
    public void Reclassify_CategoryOnly_KeepsTheDueDateAndRecordsTheCorrection()
    {
        var ticket = Open();
        var due = ticket.DueAt;

        var events = changes.Apply(ticket, TicketAction.Reclassify, new TicketChange { Actor = "api", Category = "danni", Reason = "foto dei danni" }, ServiceMode.Ordinary);

        ticket.Classification.Should().BeEquivalentTo(new { Level = ServiceLevel.First, Category = "danni", RuleName = "correction", IsCorrection = true });
        ticket.Classification.Matches.Should().Equal("foto dei danni", "was level 1, informazioni (rule meteo)");
        ticket.DueAt.Should().Be(due);
        events.Should().ContainSingle().Which.Kind.Should().Be(TicketEventKind.Reclassified);
    }

    [Fact]
    public void Reclassify_NothingChanges_Throws() =>
        FluentActions.Invoking(() => changes.Apply(Open(), TicketAction.Reclassify, new TicketChange { Category = "informazioni" }, ServiceMode.Ordinary))
            .Should().Throw<InvalidOperationException>().WithMessage("*already level 1, informazioni*");

    [Fact]
    public void SuspendOrResume_WithoutTheSlaClock_SaysWhatIsMissing() =>
        FluentActions.Invoking(() => changes.Apply(Open(), TicketAction.Suspend, new TicketChange { WaitingFor = "ASL" }, ServiceMode.Ordinary))
            .Should().Throw<InvalidOperationException>().WithMessage("*ContactCenter:Sla*");

    [Fact]
    public void Missing_RequiredField_IsNamed()
    {
        TicketChanges.Missing(TicketAction.Suspend, new TicketChange()).Should().StartWith("suspend needs waitingFor");
        TicketChanges.Missing(TicketAction.Reclassify, new TicketChange()).Should().StartWith("reclassify needs a level or a category");
        TicketChanges.Missing(TicketAction.Close, new TicketChange()).Should().BeNull();
    }

    private static Ticket Open() => new()
    {
        Number = "PC-2026-000001",
        ReceivedAt = Now.AddDays(-2),
        DueAt = Now.AddDays(3),
        Classification = new Classification { Level = ServiceLevel.First, Category = "informazioni", RuleName = "meteo" },
    };
}
