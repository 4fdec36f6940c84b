using ContactCenter.Channels.Paper;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class SignatureFinderTests
{
    [Theory]
    [InlineData("Distinti saluti\nMario Rossi")]
    [InlineData("Cordiali saluti,\n\nMario Rossi\nVia Roma 1")]
    [InlineData("In fede\nIl richiedente: Mario Rossi")]
    [InlineData("Distinti saluti.\n(firma)\nMario Rossi")]
    [InlineData("Cordiali saluti, Mario Rossi")]
    [InlineData("Il sottoscritto Mario Rossi, nato a Roma, chiede")]
    public void Find_NameAfterClosingOrUndersigned(string text) =>
        SignatureFinder.Find(new LetterLines("Gentili signori,\ntesto della lettera.\n" + text)).Should().Be("Mario Rossi");

    [Fact]
    public void Find_AccentsAndApostrophes() =>
        SignatureFinder.Find(new LetterLines("In fede\nNicolò D'Amico")).Should().Be("Nicolò D'Amico");

    [Fact]
    public void Find_NoClosing_Null() =>
        SignatureFinder.Find(new LetterLines("Gentili signori,\nla strada è chiusa.")).Should().BeNull();

    [Fact]
    public void Find_ClosingFollowedByNoName_Null() =>
        SignatureFinder.Find(new LetterLines("Distinti saluti\n12/03/2026\nAllegati: 2")).Should().BeNull();

    [Fact]
    public void Find_RoleAndNameAtTheEnd_WithoutClosing() =>
        SignatureFinder.Find(new LetterLines("Restiamo in attesa di un vostro riscontro.\n\nIl presidente\nLuca Verdi\n")).Should().Be("Luca Verdi");

    [Theory]
    [InlineData("Distinti saluti\nIl Responsabile del Servizio\nGeom. Paolo Bianchi", "Paolo Bianchi")]
    [InlineData("Cordiali saluti\n\nIl Responsabile del Servizio\nPaolo Bianchi", "Paolo Bianchi")]
    [InlineData("Distinti saluti\nIl Dirigente del Settore Tecnico\nAnna Maria Conti", "Anna Maria Conti")]
    [InlineData("Distinti saluti\nIl Responsabile del Servizio", null)]
    public void Find_RoleLineUnderTheClosing_TheSignerIsUnderIt(string closing, string? expected) =>
        SignatureFinder.Find(new LetterLines("Gentili signori,\ntesto della lettera.\n" + closing)).Should().Be(expected);
}
