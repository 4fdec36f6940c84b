using ContactCenter.Channels.Fax;

namespace ContactCenter.Channels.Tests.Fax;

public sealed class FaxMailSenderParserTests
{
    [Fact]
    public void HylaFaxFaxrcvd_OldSubjectAndCallIdBody()
    {
        var body = """
            recvq/fax00012.tif (ftp://fax.example.it:4559/recvq/fax00012.tif):
                      Sender: COMUNE DI PROVA
                       Pages: 2
                     Quality: Fine
                    Received: 2026:03:15 10:20:30
                     CallID1: 0612345678
                     CallID2: Mario Rossi
                 Received On: ttyS0
            """;

        var sender = FaxMailSenderParser.Parse("Facsimile received from COMUNE DI PROVA", body);

        sender.Should().Be(new FaxSenderInfo("COMUNE DI PROVA", "0612345678", "Mario Rossi"));
        sender.FaxNumber.Should().Be("+390612345678");
    }

    [Fact]
    public void HylaFaxTemplate_QuotedNumericTsiOnly_NumberFromTsi()
    {
        var sender = FaxMailSenderParser.Parse("Fax received from \"+39 06 7654321\"", "");

        sender.FaxNumber.Should().Be("+39067654321");
    }

    [Fact]
    public void HylaFaxTemplate_UnknownCallIdIgnored()
    {
        var sender = FaxMailSenderParser.Parse("Fax received from \"ASL\"", "Sender: ASL\nCallID1: <unknown>\n");

        sender.Should().Be(new FaxSenderInfo("ASL", null, null));
        sender.FaxNumber.Should().BeNull();
    }

    [Fact]
    public void FreePbxFax2Mail_CallerIdAllInSubject()
    {
        var body = "Enclosed, please find a new fax from: \"Mario Rossi\" <0612345678>\nReceived & processed: Sun, 15 Mar 2026 10:20:30 +0100\nOn: pbx\nVia: 0699999999\n";

        var sender = FaxMailSenderParser.Parse("New fax from: \"Mario Rossi\" <0612345678>", body);

        sender.Should().Be(new FaxSenderInfo(null, "0612345678", "Mario Rossi"));
        sender.FaxNumber.Should().Be("+390612345678");
    }

    [Fact]
    public void FreePbxFax2Mail_BodyOnly_NoCallerIdInSubject()
    {
        var sender = FaxMailSenderParser.Parse("New fax received", "Enclosed, please find a new fax from: 3331234567\nOn: pbx\n");

        sender.FaxNumber.Should().Be("+393331234567");
    }

    [Theory]
    [InlineData("New fax from 06 5551234", "")]
    [InlineData("Fax received from 06 5551234", "")]
    [InlineData("Nuovo fax da 06 5551234", "")]
    [InlineData("Fax ricevuto", "From: 06 5551234\n")]
    public void AsteriskScripts_SubjectOrFromLine(string subject, string body) =>
        FaxMailSenderParser.Parse(subject, body).FaxNumber.Should().Be("+39065551234");

    [Fact]
    public void NoConvention_Unknown() =>
        FaxMailSenderParser.Parse("Buongiorno", "Vi inoltro il documento.").Should().Be(FaxSenderInfo.Unknown);

    [Fact]
    public void FromLineWithAnAddress_NotTakenAsCaller() =>
        FaxMailSenderParser.Parse("Fwd: documento", "From: fax@gateway.example.it\n").Should().Be(FaxSenderInfo.Unknown);

    [Fact]
    public void ItalianLabels_NumberNameAndTsi()
    {
        var body = """
            Fax ricevuto: recvq/fax00031.tif
            Identificativo mittente: COMUNE SULMONA
            Numero chiamante: 0864 273141
            Nome chiamante: Ufficio Tecnico
            Pagine: 2
            """;

        var sender = FaxMailSenderParser.Parse("Fax ricevuto", body);

        sender.Should().Be(new FaxSenderInfo("COMUNE SULMONA", "0864 273141", "Ufficio Tecnico"));
        sender.FaxNumber.Should().Be("+390864273141");
    }

    [Theory]
    [InlineData("Numero chiamante: 0864 273141\n")]
    [InlineData("Chiamante: \"Comune di Sulmona\" <0864273141>\n")]
    [InlineData("In allegato un nuovo fax da: 0864 273141\n")]
    public void ItalianFreePbxTemplates_SenderNumberRead(string body) =>
        FaxMailSenderParser.Parse("Nuovo fax", body).FaxNumber.Should().Be("+390864273141");
}
