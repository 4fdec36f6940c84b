using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Paper;

/// <summary>Hand-made OCR results for the pure-logic tests.</summary>
internal static class TestPages
{
    public static PageText Page(int number, string text, double confidence = 90, bool? blank = null) =>
        new(number, text, confidence, PageTextSource.Ocr, 0, 0, blank ?? string.IsNullOrWhiteSpace(text));

    public static IReadOnlyList<PageText> Of(params string[] texts) =>
        texts.Select((t, i) => Page(i + 1, t)).ToList();

    public const string Letter = """
        Mario Rossi
        Via Giuseppe Garibaldi, 12
        00184 Roma (RM)
        Tel. 06 4567 8901
        Cell. 333 123 4567
        Fax 06/45678902
        mario.rossi@Example.IT
        C.F. RSSMRA80A01H501U

        Roma, 12/03/2026

        Spett.le
        Protezione Civile Regionale
        Via Cristoforo Colombo 212
        00147 Roma (RM)
        protezione.civile@regione.example.it

        Oggetto: richiesta di sopralluogo per infiltrazioni d'acqua nel
        seminterrato dopo l'alluvione del 10 marzo

        Gentili signori,
        vi scrivo per segnalare danni alla mia abitazione.

        Distinti saluti
        Mario Rossi
        """;
}
