using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing.Storage;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class TicketFirstMessageBsonTests
{
    [Fact]
    public void Mapper_TicketRepeatingItsFirstMessage_LeavesTheCopiesOut_AndReadsThemBack()
    {
        var mapper = StoreBsonMapper.Create();
        var ticket = RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo);

        var document = mapper.ToDocument(ticket);
        var back = mapper.ToObject<Ticket>(document);

        document.Keys.Should().NotContain(["TextBody", "HtmlBody", "Attachments"]);
        back.TextBody.Should().Be("Il ponte è aperto?");
        back.HtmlBody.Should().Be("<p>Il ponte è aperto?</p>");
        back.Attachments.Should().Equal(RepeatingTickets.Photo);
        back.Attachments.Should().NotBeSameAs(back.Messages[0].Attachments);
    }

    [Fact]
    public void Mapper_TicketStoredWithItsCopies_ReadsTheSame()
    {
        // As every ticket was written before the copies were left out.
        var plain = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false, EmptyStringToNull = false, TrimWhitespace = false };
        plain.RegisterType(StoreBsonMapper.ToBson, StoreBsonMapper.FromBson);
        var document = plain.ToDocument(RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo));

        var back = StoreBsonMapper.Create().ToObject<Ticket>(document);

        document.Keys.Should().Contain("TextBody");
        (back.TextBody, back.HtmlBody).Should().Be(("Il ponte è aperto?", "<p>Il ponte è aperto?</p>"));
        back.Attachments.Should().Equal(RepeatingTickets.Photo);
    }

    [Fact]
    public void Mapper_TicketWhoseOwnFieldsDiffer_KeepsThem_ANullOrEmptyOneToo()
    {
        var mapper = StoreBsonMapper.Create();
        var ticket = RepeatingTickets.Of("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", RepeatingTickets.Photo);
        (ticket.TextBody, ticket.HtmlBody, ticket.Attachments) = ("", null, []);

        var back = mapper.ToObject<Ticket>(mapper.ToDocument(ticket));

        back.TextBody.Should().BeEmpty();
        back.HtmlBody.Should().BeNull("a null of the ticket's own is stored as one, not taken for a copy left out");
        back.Attachments.Should().BeEmpty();
        back.Messages[0].HtmlBody.Should().Be("<p>Il ponte è aperto?</p>");
    }
}
