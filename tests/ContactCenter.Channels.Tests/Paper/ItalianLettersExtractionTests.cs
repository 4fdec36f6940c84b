using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Testing.Scans;
using Microsoft.Extensions.Options;
using static ContactCenter.Channels.Tests.Paper.TestPages;

namespace ContactCenter.Channels.Tests.Paper;

/// <summary>The extractor on the exact text of the OCR fixtures' letters, so OCR tests fail only for OCR reasons.</summary>
public sealed class ItalianLettersExtractionTests
{
    private readonly PaperTextExtractor extractor = new(Options.Create(new OcrOptions()));

    [Fact]
    public void FirstLetter_AllFields()
    {
        var result = extractor.Extract([Page(1, ItalianLetters.All[0])]);

        result.Subject.Should().Be(ItalianLetters.FirstSubject);
        result.FiscalCode.Should().Be(ItalianLetters.FirstFiscalCode);
        result.Email.Should().Be(ItalianLetters.FirstEmail);
        result.Phone.Should().Be("+393331234567");
        result.Address.Should().Be(new PostalAddress("Via Roma 12", ItalianLetters.FirstPostalCode, "Roma", "RM"));
        result.SignatureName.Should().Be("Mario Rossi");
    }

    [Fact]
    public void SecondLetter_MobileLabelledCellulareAndRecipientSkipped()
    {
        var result = extractor.Extract([Page(1, ItalianLetters.All[1])]);

        result.Subject.Should().Be("segnalazione di una frana sulla strada provinciale");
        result.Phone.Should().Be("+393477654321");
        result.FiscalCode.Should().Be("BNCGLI90A41F205H");
        result.Address.Should().Be(new PostalAddress("Corso Garibaldi 45", "20121", "Milano", "MI"));
        result.SignatureName.Should().Be("Giulia Bianchi");
    }

    [Fact]
    public void ThirdLetter_AssociationSignedUnderARole()
    {
        var result = extractor.Extract([Page(1, ItalianLetters.All[2])]);

        result.Subject.Should().Be("disponibilità di volontari per l'esercitazione di giugno");
        result.Phone.Should().Be("+390552345678");
        result.Address.Should().Be(new PostalAddress("Piazza Duomo 3", "50122", "Firenze", "FI"));
        result.SignatureName.Should().Be("Luca Verdi");
    }
}
