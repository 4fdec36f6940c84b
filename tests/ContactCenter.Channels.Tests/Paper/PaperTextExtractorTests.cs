using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using Microsoft.Extensions.Options;
using static ContactCenter.Channels.Tests.Paper.TestPages;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class PaperTextExtractorTests
{
    private readonly PaperTextExtractor extractor = new(Options.Create(new OcrOptions { MinConfidence = 60 }));

    [Fact]
    public void Extract_Letter_AllSenderFieldsAndNotTheRecipients()
    {
        var result = extractor.Extract([Page(1, Letter, 91)]);

        result.Subject.Should().Be("richiesta di sopralluogo per infiltrazioni d'acqua nel seminterrato dopo l'alluvione del 10 marzo");
        result.Email.Should().Be("mario.rossi@example.it");
        result.Phone.Should().Be("+390645678901");
        result.Fax.Should().Be("+390645678902");
        result.FiscalCode.Should().Be("RSSMRA80A01H501U");
        result.Address.Should().Be(new PostalAddress("Via Giuseppe Garibaldi, 12", "00184", "Roma", "RM"));
        result.SignatureName.Should().Be("Mario Rossi");
        result.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public void Extract_TwoPages_BodyKeepsVisiblePageBreak()
    {
        var result = extractor.Extract([Page(1, "prima pagina\n", 80), Page(2, "seconda pagina", 90)]);

        result.Body.Should().Be("prima pagina\n\n--- pagina 2 ---\n\nseconda pagina");
        result.PageConfidences.Should().Equal(80, 90);
        result.MeanConfidence.Should().Be(85);
    }

    [Fact]
    public void Extract_LowConfidence_NeedsReviewWithReason()
    {
        var result = extractor.Extract([Page(1, "Oggetto: frana", 40), Page(2, "testo", 55)]);

        result.NeedsReview.Should().BeTrue();
        result.ReviewReason.Should().Be("confidenza media dell'OCR 47.5 sotto la soglia di 60");
    }

    [Fact]
    public void Extract_EmptyPage_NeedsReviewNamingThePage()
    {
        var result = extractor.Extract([Page(1, "Oggetto: frana", 95), Page(2, "", 0)]);

        result.MeanConfidence.Should().Be(95);
        result.NeedsReview.Should().BeTrue();
        result.ReviewReason.Should().Be("pagina 2 bianca");
    }

    [Fact]
    public void Extract_NothingReadable_NeedsReviewAndHasNoTextToClassify()
    {
        var result = extractor.Extract([Page(1, "", 0), Page(2, "   ", 0)]);

        result.Subject.Should().BeEmpty("the page marker between two blank pages was once taken for the subject");
        result.Body.Should().BeEmpty();
        result.ReviewReason.Should().Be("nessuna pagina con testo leggibile");
        result.TextUnavailable.Should().Be("nessuna pagina con testo leggibile", "the ticket's subject is then the service's own, not the sender's");
    }

    [Fact]
    public void Extract_OneReadablePage_HasTextToClassify()
    {
        var result = extractor.Extract([Page(1, "", 0), Page(2, "Oggetto: frana", 95)]);

        result.TextUnavailable.Should().BeNull();
    }

    [Fact]
    public void Extract_BodyParagraphStartingWithAl_IsNotTakenForTheRecipientBlock()
    {
        var result = extractor.Extract([Page(1, "Oggetto: frana\n\nAl momento la strada è chiusa, chiamatemi al\nnumero 347 765 4321.\n")]);

        result.Phone.Should().Be("+393477654321");
    }

    [Fact]
    public void Extract_RecipientsContacts_NotTakenForTheSenders()
    {
        var result = extractor.Extract([Page(1, "Alla Protezione Civile\nTel. 06 68201\nurp@protezionecivile.example.it\n\nOggetto: frana\n")]);

        result.Phone.Should().BeNull();
        result.Email.Should().BeNull();
    }
}
