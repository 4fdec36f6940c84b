using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class PostalAddressFinderTests
{
    [Fact]
    public void Find_StreetThenCapTownProvinceOnNextLine()
    {
        var address = PostalAddressFinder.Find(new LetterLines("Mario Rossi\nVia Giuseppe Garibaldi, 12\n00184 Roma (RM)"));

        address.Should().Be(new PostalAddress("Via Giuseppe Garibaldi, 12", "00184", "Roma", "RM"));
        address!.ToString().Should().Be("Via Giuseppe Garibaldi, 12, 00184 Roma (RM)");
    }

    [Fact]
    public void Find_AllOnOneLine()
    {
        var address = PostalAddressFinder.Find(new LetterLines("Piazza del Popolo 3/B, 40121 Bologna (bo)"));

        address.Should().Be(new PostalAddress("Piazza del Popolo 3/B", "40121", "Bologna", "BO"));
    }

    [Fact]
    public void Find_ResidenteIn_WithoutProvince()
    {
        var address = PostalAddressFinder.Find(new LetterLines("residente in Corso Vittorio Emanuele 45 - 80121 Napoli"));

        address.Should().Be(new PostalAddress("Corso Vittorio Emanuele 45", "80121", "Napoli", null));
    }

    [Fact]
    public void Find_RecipientBlockIgnored()
    {
        var text = "Spett.le Protezione Civile\nVia Cristoforo Colombo 212\n00147 Roma (RM)\n\nLucia Bianchi\nViale Europa 8\n20121 Milano (MI)";

        PostalAddressFinder.Find(new LetterLines(text)).Should().Be(new PostalAddress("Viale Europa 8", "20121", "Milano", "MI"));
    }

    [Fact]
    public void Find_OnlyRecipientAddress_Null() =>
        PostalAddressFinder.Find(new LetterLines("Alla Protezione Civile\nVia Colombo 212\n00147 Roma (RM)")).Should().BeNull();

    [Fact]
    public void Find_WordViaInProse_NotAnAddress() =>
        PostalAddressFinder.Find(new LetterLines("ho inviato la richiesta via e-mail, senza risposta")).Should().BeNull();
}
