using ContactCenter.Core.Routing;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Backoffice;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Workers.Tests.Backoffice;

/// <summary>A ticket moved to another category goes to that category's office, as the rules would have sent it.</summary>
public sealed class TicketChangesOfficeTests
{
    private readonly TicketChanges changes = new(new FakeTimeProvider(), routing: new RoutingOptions
    {
        Rules =
        [
            new RoutingRule { Name = "rischio-sismico", Words = ["terremoto"], Category = "sismico", Office = "Ufficio rischio sismico" },
            new RoutingRule { Name = "frane", Words = ["frana"], Category = "idrogeologico", Office = "Ufficio rischio idrogeologico" },
        ],
        Default = new RoutingTarget { Category = "informazioni", Office = "URP" },
    });

    [Fact]
    public void Reclassify_NewCategory_TakesThatCategorysOffice()
    {
        var ticket = Sismico();

        changes.Apply(ticket, TicketAction.Reclassify, new TicketChange { Category = "idrogeologico", Reason = "frana" }, ServiceMode.Ordinary);

        ticket.Classification.Should().BeEquivalentTo(new { Category = "idrogeologico", Office = "Ufficio rischio idrogeologico" });
    }

    [Fact]
    public void Reclassify_CategoryNoRuleRoutes_TakesTheDefaultOffice()
    {
        var ticket = Sismico();

        changes.Apply(ticket, TicketAction.Reclassify, new TicketChange { Category = "danni" }, ServiceMode.Ordinary);

        ticket.Classification.Office.Should().Be("URP");
    }

    [Fact]
    public void Reclassify_LevelOnly_KeepsTheOffice()
    {
        var ticket = Sismico();

        changes.Apply(ticket, TicketAction.Reclassify, new TicketChange { Level = ServiceLevel.First }, ServiceMode.Ordinary);

        ticket.Classification.Should().BeEquivalentTo(new { Category = "sismico", Office = "Ufficio rischio sismico" });
    }

    private static Ticket Sismico() => new()
    {
        Number = "PC-2026-000001",
        Classification = new Classification
        {
            Level = ServiceLevel.Second, Category = "sismico", Office = "Ufficio rischio sismico", RuleName = "rischio-sismico",
        },
    };
}
