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

    // A fax at normal resolution loses the blank line after the subject: the first sentence must not join it.
    [Theory]
    [InlineData("Con la presente il sottoscritto, dirigente scolastico dell'istituto, chiede che un")]
    [InlineData("Il sottoscritto Mario Rossi, residente in via Roma 3 a Teramo, chiede che un tecnico")]
    [InlineData("Egregio Direttore, il sottoscritto dirigente dell'istituto chiede che un tecnico")]
    [InlineData("Spett. Ufficio, il sottoscritto dirigente dell'istituto chiede che un tecnico")]
    [InlineData("Cordiali saluti e grazie fin d'ora per la cortese attenzione che vorrete dare")]
    public void Find_LostBlankLine_SubjectEndsBeforeTheFirstSentence(string firstSentence)
    {
        var text = "Oggetto: richiesta di sopralluogo per le crepe comparse nella scuola primaria\n" +
                   "di via Garibaldi a Teramo dopo la scossa di terremoto del 12 marzo\n" +
                   firstSentence + "\nverifichi l'agibilità dell'edificio prima della riapertura.";

        SubjectFinder.Find(new LetterLines(text), null).Should().Be(
            "richiesta di sopralluogo per le crepe comparse nella scuola primaria di via Garibaldi a Teramo dopo la scossa di terremoto del 12 marzo");
    }

    [Fact]
    public void Find_LostBlankLine_MuchShorterLineEndsTheSubject()
    {
        var text = "Oggetto: segnalazione di una frana sulla strada provinciale 45 nel tratto\n" +
                   "tra Colle e Monte\n" +
                   "la strada è chiusa da ieri e le famiglie della frazione sono isolate.";

        SubjectFinder.Find(new LetterLines(text), null).Should().Be(
            "segnalazione di una frana sulla strada provinciale 45 nel tratto tra Colle e Monte");
    }
}
