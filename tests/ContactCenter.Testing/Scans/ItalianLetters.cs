namespace ContactCenter.Testing.Scans;

/// <summary>
/// Known Italian letters for OCR fixtures: accents, an "Oggetto:" line, a valid codice fiscale, e-mail, phone and an
/// address with CAP, so both the OCR accuracy and the field extraction can be checked against the source text.
/// </summary>
public static class ItalianLetters
{
    public const string FirstFiscalCode = "RSSMRA85T10A562S";
    public const string FirstEmail = "mario.rossi@example.it";
    public const string FirstPhone = "333 123 4567";
    public const string FirstPostalCode = "00184";
    public const string FirstSubject = "richiesta di informazioni sul contributo per i danni dell'alluvione";

    /// <summary>Three letters, lines short enough to fit an A4 page at 12 pt without wrapping.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        """
        Mario Rossi
        Via Roma 12
        00184 Roma (RM)
        Tel. 333 123 4567
        E-mail: mario.rossi@example.it
        Codice fiscale: RSSMRA85T10A562S

        Spettabile Dipartimento della Protezione Civile
        Ufficio relazioni con il pubblico

        Roma, 14 marzo 2026

        Oggetto: richiesta di informazioni sul contributo per i danni dell'alluvione

        Gentili signori,
        scrivo per chiedere notizie sulla mia domanda di contributo per i danni
        subiti dalla mia abitazione durante l'alluvione di ottobre. La pratica
        è stata presentata il 5 novembre presso il Comune, ma non ho più ricevuto
        alcuna comunicazione. Il piano terra è ancora inagibile e la caldaia
        non funziona; perciò vi chiedo di verificare lo stato della pratica e
        di indicarmi quali documenti mancano, se ce ne sono.

        Resto a disposizione per un sopralluogo: potete contattarmi al numero
        indicato oppure per posta elettronica, preferibilmente di mattina.

        Ringrazio per l'attenzione e porgo distinti saluti.

        Mario Rossi
        """,
        """
        Giulia Bianchi
        Corso Garibaldi 45
        20121 Milano (MI)
        Cellulare: 347 765 4321
        E-mail: giulia.bianchi@example.org
        Codice fiscale: BNCGLI90A41F205H

        Alla Protezione Civile
        Sala operativa regionale

        Milano, 2 aprile 2026

        Oggetto: segnalazione di una frana sulla strada provinciale

        Buongiorno,
        desidero segnalare che questa mattina una piccola frana ha invaso metà
        della carreggiata della strada provinciale, all'altezza del chilometro 7.
        Non ci sono feriti, però il passaggio è pericoloso, soprattutto di sera,
        perché manca qualsiasi segnaletica. Vi prego di intervenire al più presto.

        Cordiali saluti,
        Giulia Bianchi
        """,
        """
        Associazione di volontariato "Mani Unite"
        Piazza Duomo 3
        50122 Firenze (FI)
        Tel. 055 234 5678

        Spett.le Ufficio volontariato
        Dipartimento della Protezione Civile

        Firenze, 20 maggio 2026

        Oggetto: disponibilità di volontari per l'esercitazione di giugno

        Con la presente comunichiamo la disponibilità di dodici volontari,
        già formati, per l'esercitazione prevista a giugno. Chiediamo di sapere
        entro quando inviare l'elenco dei nominativi e se è necessario portare
        attrezzature proprie. Restiamo in attesa di un vostro cortese riscontro.

        Il presidente
        Luca Verdi
        """,
    ];
}
