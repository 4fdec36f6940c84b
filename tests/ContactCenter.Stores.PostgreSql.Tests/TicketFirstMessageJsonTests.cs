using System.Text.Json;
using System.Text.Json.Nodes;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;

namespace ContactCenter.Stores.PostgreSql.Tests;

public sealed class TicketFirstMessageJsonTests
{
    [Fact]
    public void Serialize_TicketRepeatingItsFirstMessage_LeavesTheCopiesOut_AndReadsThemBack()
    {
        var json = StoreJson.Serialize(RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo)).Text;

        var back = StoreJson.Deserialize<Ticket>(json);

        JsonNode.Parse(json)!.AsObject().Select(p => p.Key).Should().NotContain(["TextBody", "HtmlBody", "Attachments"]);
        (back.TextBody, back.HtmlBody).Should().Be(("Il ponte è aperto?", "<p>Il ponte è aperto?</p>"));
        back.Attachments.Should().Equal(RepeatingTickets.Photo).And.NotBeSameAs(back.Messages[0].Attachments);
    }

    [Fact]
    public void Deserialize_TicketStoredWithItsCopies_ReadsTheSame()
    {
        // As every ticket was written before the copies were left out.
        var json = JsonSerializer.Serialize(RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo), new JsonSerializerOptions(StoreJson.Options)
        {
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        });

        var back = StoreJson.Deserialize<Ticket>(json);

        json.Should().Contain("\"TextBody\"");
        (back.TextBody, back.HtmlBody).Should().Be(("Il ponte è aperto?", "<p>Il ponte è aperto?</p>"));
        back.Attachments.Should().Equal(RepeatingTickets.Photo);
    }

    [Fact]
    public void Serialize_TicketWhoseOwnFieldsDiffer_KeepsThem_ANullOrEmptyOneToo()
    {
        var ticket = RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo);
        (ticket.TextBody, ticket.HtmlBody, ticket.Attachments) = ("", null, []);

        var back = StoreJson.Deserialize<Ticket>(StoreJson.Serialize(ticket).Text);

        back.TextBody.Should().BeEmpty();
        back.HtmlBody.Should().BeNull("a null of the ticket's own is stored as one, not taken for a copy left out");
        back.Attachments.Should().BeEmpty();
        back.Messages[0].HtmlBody.Should().Be("<p>Il ponte è aperto?</p>");
    }

    [Fact]
    public void Deserialize_TicketWithoutMessages_FieldsAbsent_ReadAsEmpty()
    {
        var back = StoreJson.Deserialize<Ticket>("""{"Number":"PC-2026-000001"}""");

        (back.TextBody, back.HtmlBody).Should().Be(("", null));
        back.Attachments.Should().NotBeNull().And.BeEmpty();
    }
}
