using ContactCenter.Core.Storage.LiteDb;
using ContactCenter.Core.Tickets;
using LiteDB;

namespace ContactCenter.Core.Tests.Storage.LiteDb;

public sealed class TicketFirstMessageBsonTests
{
    private static readonly TicketAttachment Photo = new() { FileName = "foto.jpg", ContentType = "image/jpeg", Size = 10, Sha256 = new string('b', 64) };

    [Fact]
    public void Mapper_TicketRepeatingItsFirstMessage_LeavesTheCopiesOut_AndReadsThemBack()
    {
        var mapper = StoreBsonMapper.Create();
        var ticket = Repeating("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", Photo);

        var document = mapper.ToDocument(ticket);
        var back = mapper.ToObject<Ticket>(document);

        document.Keys.Should().NotContain(["TextBody", "HtmlBody", "Attachments"]);
        back.TextBody.Should().Be("Il ponte è aperto?");
        back.HtmlBody.Should().Be("<p>Il ponte è aperto?</p>");
        back.Attachments.Should().Equal(Photo);
        back.Attachments.Should().NotBeSameAs(back.Messages[0].Attachments);
    }

    [Fact]
    public void Mapper_TicketStoredWithItsCopies_ReadsTheSame()
    {
        // As every ticket was written before the copies were left out.
        var plain = new BsonMapper { EnumAsInteger = false, SerializeNullValues = false, EmptyStringToNull = false, TrimWhitespace = false };
        plain.RegisterType(StoreBsonMapper.ToBson, StoreBsonMapper.FromBson);
        var document = plain.ToDocument(Repeating("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", Photo));

        var back = StoreBsonMapper.Create().ToObject<Ticket>(document);

        document.Keys.Should().Contain("TextBody");
        (back.TextBody, back.HtmlBody).Should().Be(("Il ponte è aperto?", "<p>Il ponte è aperto?</p>"));
        back.Attachments.Should().Equal(Photo);
    }

    [Fact]
    public void Mapper_TicketWhoseOwnFieldsDiffer_KeepsThem_ANullOrEmptyOneToo()
    {
        var mapper = StoreBsonMapper.Create();
        var ticket = Repeating("Il ponte è aperto?", "<p>Il ponte è aperto?</p>", Photo);
        (ticket.TextBody, ticket.HtmlBody, ticket.Attachments) = ("", null, []);

        var back = mapper.ToObject<Ticket>(mapper.ToDocument(ticket));

        back.TextBody.Should().BeEmpty();
        back.HtmlBody.Should().BeNull("a null of the ticket's own is stored as one, not taken for a copy left out");
        back.Attachments.Should().BeEmpty();
        back.Messages[0].HtmlBody.Should().Be("<p>Il ponte è aperto?</p>");
    }

    private static Ticket Repeating(string text, string? html, params TicketAttachment[] attachments) => new()
    {
        Number = "PC-2026-000001",
        TextBody = text,
        HtmlBody = html,
        Attachments = [.. attachments],
        Messages = [new TicketMessage { TextBody = text, HtmlBody = html, Attachments = [.. attachments] }],
    };
}
