using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class SubjectFinderTests
{
    [Theory]
    [InlineData("Oggetto: segnalazione frana", "segnalazione frana")]
    [InlineData("OGGETTO: SEGNALAZIONE FRANA", "SEGNALAZIONE FRANA")]
    [InlineData("Ogg.: segnalazione frana", "segnalazione frana")]
    [InlineData("Ogg. segnalazione frana", "segnalazione frana")]
    [InlineData("  oggetto - segnalazione frana", "segnalazione frana")]
    [InlineData("0ggetto: segnalazione frana", "segnalazione frana")] // OCR read the O as a zero
    public void Find_OggettoVariants(string line, string expected) =>
        SubjectFinder.Find(new LetterLines($"Roma, 1 aprile 2026\n\n{line}\n\nGentili signori,"), null).Should().Be(expected);

    [Fact]
    public void Find_WrappedSubject_ContinuesOntoNextLine()
    {
        var text = "Oggetto: richiesta di sopralluogo per infiltrazioni nel\nseminterrato di via Roma 3\nGentili signori,\ntesto";

        SubjectFinder.Find(new LetterLines(text), null).Should().Be("richiesta di sopralluogo per infiltrazioni nel seminterrato di via Roma 3");
    }

    [Fact]
    public void Find_SubjectEndingWithFullStop_DoesNotSwallowNextLine() =>
        SubjectFinder.Find(new LetterLines("Oggetto: segnalazione frana.\nLa strada è chiusa"), null).Should().Be("segnalazione frana.");

    [Fact]
    public void Find_NoOggetto_FirstMeaningfulLineSkipsDatesRecipientAddressesAndSalutation()
    {
        var text = """
            Lucia Bianchi
            Viale Europa 8
            20121 Milano (MI)
            Milano, 3 marzo 2026
            Spett.le
            Protezione Civile
            Via Colombo 212

            Gentili signori,
            il fiume Lambro è esondato in via Padova.
            Distinti saluti
            Lucia Bianchi
            """;

        SubjectFinder.Find(new LetterLines(text), "Lucia Bianchi").Should().Be("il fiume Lambro è esondato in via Padova.");
    }

    [Fact]
    public void Find_LongLine_ShortenedAtAWord()
    {
        var subject = SubjectFinder.Find(new LetterLines("Oggetto: " + string.Join(' ', Enumerable.Repeat("parola", 60))), null);

        subject.Length.Should().BeLessThanOrEqualTo(SubjectFinder.MaxLength);
        subject.Should().EndWith("parola…");
    }

    [Fact]
    public void Find_ShortSubjectFollowedByCapitalisedLine_NotJoined() =>
        SubjectFinder.Find(new LetterLines("Oggetto: frana\nMario Rossi chiede aiuto"), null).Should().Be("frana");

    [Fact]
    public void Find_LongLineWrappedOntoCapitalisedLine_Joined() =>
        SubjectFinder.Find(new LetterLines("Oggetto: richiesta urgente di intervento per la frana in località\nCastel Madama\n\nGentili"), null)
            .Should().Be("richiesta urgente di intervento per la frana in località Castel Madama");

    [Fact]
    public void Find_SubjectThenClosing_NotJoined() =>
        SubjectFinder.Find(new LetterLines("Oggetto: allagamento cantina e garage\ndistinti saluti"), null).Should().Be("allagamento cantina e garage");
}
