using ContactCenter.Core.Tickets;
using ContactCenter.Workers.Cli;
using ContactCenter.Workers.Cli.Tickets;

namespace ContactCenter.Workers.Tests.Cli.Tickets;

public sealed class TicketDetailRowsTests
{
    private static readonly CliDates Rome = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    [Fact]
    public void Rows_ScannedLetterToReview_ShowTheReasonTheAddressAndTheOriginal_NoEmptyAddressBrackets()
    {
        var letter = Ticket(ChannelKind.Postal, new Party
        {
            DisplayName = "Giulia Bianchi", Phone = "+390854213377", PostalAddress = "Via dei Mille 8, 65121 Pescara (PE)", FiscalCode = "BNCGLI80A41G482X",
        });
        letter.NeedsReview = true;
        letter.ReviewReason = "confidenza media dell'OCR 41 sotto la soglia di 60";
        letter.OcrConfidence = 41.04;
        letter.Messages.Add(new TicketMessage { Kind = MessageKind.Original, Original = new TicketAttachment { FileName = "lettera.jpg", Size = 812345 } });

        var rows = TicketDetailRows.Of(letter, Rome).ToDictionary(r => r.Name, r => r.Value);

        rows["Review"].Should().Be("confidenza media dell'OCR 41 sotto la soglia di 60");
        rows["From"].Should().Be("Giulia Bianchi +390854213377");
        rows["Address"].Should().Be("Via dei Mille 8, 65121 Pescara (PE)");
        rows["Fiscal code"].Should().Be("BNCGLI80A41G482X");
        rows["OCR confidence"].Should().Be("41.0");
        rows["Original"].Should().Be("lettera.jpg (812345 B)");
    }

    [Fact]
    public void Rows_PlainEmail_OnlyTheFieldsItHas()
    {
        var mail = Ticket(ChannelKind.Email, new Party { DisplayName = "Mario Rossi", Email = "mario.rossi@example.it" });
        mail.TextUnavailable = "nessuna parola nell'oggetto o nel testo";

        var rows = TicketDetailRows.Of(mail, Rome).ToList();

        rows.Should().Contain(("From", "Mario Rossi <mario.rossi@example.it>"));
        rows.Should().Contain(("Text", "not classified: nessuna parola nell'oggetto o nel testo"));
        rows.Select(r => r.Name).Should().NotContain(["Review", "Address", "Fiscal code", "Linked to", "OCR confidence", "Original"]);
    }

    private static Ticket Ticket(ChannelKind channel, Party sender) => new()
    {
        Number = "PC-2026-000001",
        Channel = channel,
        ChannelName = "test",
        Sender = sender,
        Subject = "Richiesta",
        ReceivedAt = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero),
        DueAt = new DateTimeOffset(2026, 12, 11, 18, 0, 0, TimeSpan.Zero),
    };
}
