using System.Text;
using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Mail as the common clients shape it.</summary>
internal static partial class RealWorldMail
{
    private static IEnumerable<CorpusCase> Clients()
    {
        yield return Case("outlook-alternative-qp", () => Lines(
            "From: \"Bianchi, Giulia\" <g.bianchi@comune.example.it>", To, "Subject: Richiesta contributo danni alluvione",
            "Date: Tue, 24 Nov 2026 08:41:12 +0000", "Message-ID: <AM0PR09MB1234ABCD@AM0PR09MB1234.eurprd09.prod.outlook.com>",
            "Thread-Topic: Richiesta contributo danni alluvione", "Thread-Index: AdnBq1234567890abcdef==", "Accept-Language: it-IT, en-US",
            "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"_000_AM0PR09MB1234_\"", "",
            "--_000_AM0PR09MB1234_", "Content-Type: text/plain; charset=\"windows-1252\"", "Content-Transfer-Encoding: quoted-printable", "",
            "Buongiorno,", "", "chiedo come presentare la domanda di contributo per i danni dell=92alluvione =96 la cantina =E8 ancora allagata.", "",
            "Cordiali saluti", "Giulia Bianchi", "",
            "--_000_AM0PR09MB1234_", "Content-Type: text/html; charset=\"windows-1252\"", "Content-Transfer-Encoding: quoted-printable", "",
            "<html xmlns:o=3D\"urn:schemas-microsoft-com:office:office\"><head><style><!-- p.MsoNormal {margin:0cm;} --></style></head>",
            "<body lang=3D\"IT\"><div class=3D\"WordSection1\"><p class=3D\"MsoNormal\">Buongiorno,<o:p></o:p></p><p class=3D\"MsoNormal\">chie=",
            "do come presentare la domanda di contributo per i danni dell=92alluvione =96 la cantina =E8 ancora allagata.<o:p></o:p></p></div></body></html>",
            "--_000_AM0PR09MB1234_--"),
            t =>
            {
                t.TextBody.Should().Contain("dell’alluvione – la cantina è ancora allagata");
                t.HtmlBody.Should().Contain("cantina è ancora allagata");
                t.Sender!.DisplayName.Should().Be("Bianchi, Giulia");
            });

        yield return Case("outlook-related-inline-image", () => Lines(
            "From: Luca Neri <luca.neri@outlook.example.com>", To, "Subject: Foto della frana", "Date: Tue, 24 Nov 2026 09:00:00 +0100",
            "Message-ID: <DB9PR01MB5678@DB9PR01MB5678.eurprd01.prod.outlook.com>", "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=\"_004_rel_\"; type=\"multipart/alternative\"", "",
            "--_004_rel_", "Content-Type: multipart/alternative; boundary=\"_000_alt_\"", "",
            "--_000_alt_", "Content-Type: text/plain; charset=\"us-ascii\"", "", "Allego la foto della frana sulla SP 17.", "",
            "--_000_alt_", "Content-Type: text/html; charset=\"us-ascii\"", "",
            "<html><body><p>Allego la foto della frana sulla SP 17.</p><img width=3D640 src=\"cid:image001.png@01DA1234.ABCD5670\"></body></html>",
            "--_000_alt_--", "", "--_004_rel_", "Content-Type: image/png; name=\"image001.png\"", "Content-Description: image001.png",
            "Content-Disposition: inline; filename=\"image001.png\"", "Content-ID: <image001.png@01DA1234.ABCD5670>", "Content-Transfer-Encoding: base64", "",
            Base64Lines([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4]), "--_004_rel_--"),
            t =>
            {
                t.TextBody.Should().Contain("frana sulla SP 17");
                t.Attachments.Should().ContainSingle(a => a.FileName == "image001.png" && a.IsInline);
            });

        yield return Case("outlook-tnef-winmail", () => Lines(
            "From: Ufficio Tecnico <tecnico@comune.example.it>", To, "Subject: Verbale sopralluogo", "Date: Wed, 25 Nov 2026 11:20:00 +0100",
            "Message-ID: <0001234@EXCH01.comune.example.it>", "X-MS-TNEF-Correlator: <0001234@EXCH01.comune.example.it>", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"tnef\"", "", "--tnef", "Content-Type: text/plain; charset=\"iso-8859-1\"", "",
            "In allegato il verbale.", "--tnef", "Content-Type: application/ms-tnef; name=\"winmail.dat\"", "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"winmail.dat\"", "",
            Base64Lines(Tnef("Verbale del sopralluogo in via Roma.", "verbale.txt", Encoding.ASCII.GetBytes("Sopralluogo eseguito il 24/11."))), "--tnef--"),
            t =>
            {
                t.TextBody.Should().Contain("In allegato il verbale");
                var file = t.Attachments.Should().ContainSingle(a => a.FileName == "verbale.txt").Subject;
                Encoding.ASCII.GetString(t.Read(file)).Should().Be("Sopralluogo eseguito il 24/11.");
            });

        yield return Case("outlook-calendar-invite", () => Lines(
            "From: Prefettura <ufficio.protezione@prefettura.example.it>", To, "Subject: Riunione COC - aggiornamento allerta",
            "Date: Wed, 25 Nov 2026 15:00:00 +0100", "Message-ID: <cal-1@prefettura.example.it>", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"cal\"", "", "--cal", "Content-Type: text/plain; charset=utf-8", "",
            "Convocazione della riunione del Centro Operativo Comunale.", "--cal",
            "Content-Type: text/calendar; charset=utf-8; method=REQUEST", "Content-Transfer-Encoding: 7bit", "",
            "BEGIN:VCALENDAR", "METHOD:REQUEST", "PRODID:Microsoft Exchange Server 2016", "VERSION:2.0", "BEGIN:VEVENT",
            "ORGANIZER;CN=Prefettura:mailto:ufficio.protezione@prefettura.example.it", "DTSTART:20261126T090000Z", "DTEND:20261126T100000Z",
            "SUMMARY:Riunione COC", "UID:040000008200E00074C5B7101A82E008", "END:VEVENT", "END:VCALENDAR", "--cal--"),
            t =>
            {
                t.TextBody.Should().Contain("Centro Operativo Comunale");
                t.Attachments.Should().ContainSingle(a => a.ContentType == "text/calendar");
            });

        yield return Case("outlook-forward-inline", () => Lines(
            "From: Paolo Gialli <paolo.gialli@example.it>", To, "Subject: I: segnalazione albero pericolante", "Date: Thu, 26 Nov 2026 10:00:00 +0100",
            "Message-ID: <fwd-inline@example.it>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=\"iso-8859-1\"", "Content-Transfer-Encoding: 8bit", "",
            "Vi inoltro la segnalazione di mia madre.", "", "-----Messaggio originale-----", "Da: Anna Gialli <anna.gialli@example.it>",
            "Inviato: mercoled\u00ec 25 novembre 2026 18:02", "A: Paolo Gialli", "Oggetto: albero pericolante", "",
            "L'albero davanti al civico 12 si \u00e8 inclinato dopo il vento."),
            t => t.TextBody.Should().Contain("L'albero davanti al civico 12 si è inclinato"));

        yield return Case("forward-as-attachment", () => Lines(
            "From: Sara Blu <sara.blu@example.it>", To, "Subject: Fwd: Allerta meteo scuole", "Date: Thu, 26 Nov 2026 10:05:00 +0100",
            "Message-ID: <fwd-att@example.it>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"fw\"", "",
            "--fw", "Content-Type: message/rfc822", "Content-Disposition: attachment", "",
            "From: Scuola Media Dante <segreteria@scuola.example.it>", "Subject: Allerta meteo scuole", "Date: Wed, 25 Nov 2026 19:00:00 +0100",
            "Content-Type: text/plain; charset=utf-8", "", "Domani le scuole resteranno chiuse per allerta rossa?", "--fw--"),
            t =>
            {
                t.TextBody.Should().Contain("le scuole resteranno chiuse", "the forwarded text is what the ticket is about");
                t.Attachments.Should().ContainSingle(a => a.FileName.EndsWith(".eml", StringComparison.Ordinal));
            });

        yield return Case("gmail-forward-inline", () => Lines(
            "From: Marco Viola <marco.viola@gmail.example.com>", To, "Subject: Fwd: Richiesta sacchi di sabbia", "Date: Thu, 26 Nov 2026 10:10:00 +0100",
            "Message-ID: <CAB1234xyz+abc=def@mail.gmail.example.com>", "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"000000000000abcdef\"", "",
            "--000000000000abcdef", "Content-Type: text/plain; charset=\"UTF-8\"", "Content-Transfer-Encoding: quoted-printable", "",
            "---------- Forwarded message ---------", "Da: <vicino@example.it>", "Date: mer 25 nov 2026 alle ore 20:00", "Subject: Richiesta sacchi di sabbia", "",
            "Servono sacchi di sabbia in via Garibaldi, l=E2=80=99acqua sta salendo.", "",
            "--000000000000abcdef", "Content-Type: text/html; charset=\"UTF-8\"", "Content-Transfer-Encoding: quoted-printable", "",
            "<div dir=3D\"ltr\"><div class=3D\"gmail_quote\">Servono sacchi di sabbia in via Garibaldi, l=E2=80=99acqua sta salendo.</div></div>",
            "--000000000000abcdef--"),
            t => t.TextBody.Should().Contain("l’acqua sta salendo"));

        yield return Case("gmail-base64-alternative", () => Lines(
            "From: Elena Rosa <elena.rosa@gmail.example.com>", To, "Subject: =?UTF-8?Q?Domanda_sull=E2=80=99evacuazione?=", "Date: Thu, 26 Nov 2026 11:00:00 +0100",
            "Message-ID: <CAC5678@mail.gmail.example.com>", "MIME-Version: 1.0", "Content-Type: multipart/alternative; boundary=\"0000000000001111\"", "",
            "--0000000000001111", "Content-Type: text/plain; charset=\"UTF-8\"", "Content-Transfer-Encoding: base64", "",
            B64("utf-8", "Dove si trova il punto di raccolta più vicino a via Mazzini?"), "--0000000000001111",
            "Content-Type: text/html; charset=\"UTF-8\"", "Content-Transfer-Encoding: base64", "",
            B64("utf-8", "<div dir=\"ltr\">Dove si trova il punto di raccolta più vicino a via Mazzini?</div>"), "--0000000000001111--"),
            t =>
            {
                t.Subject.Should().Be("Domanda sull’evacuazione");
                t.TextBody.Should().Be("Dove si trova il punto di raccolta più vicino a via Mazzini?");
            });

        yield return Case("iphone-flowed-heic", () => Lines(
            "From: Giorgio Verdi <giorgio.verdi@icloud.example.com>", To, "Subject: Crepa sul ponte", "Date: Thu, 26 Nov 2026 12:00:00 +0100",
            "Message-Id: <A1B2C3D4-E5F6-7890-ABCD-EF1234567890@icloud.example.com>", "X-Mailer: iPhone Mail (20G75)", "Mime-Version: 1.0 (1.0)",
            "Content-Type: multipart/mixed; boundary=Apple-Mail-1A2B3C4D", "Content-Transfer-Encoding: 7bit", "",
            "--Apple-Mail-1A2B3C4D", "Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes", "Content-Transfer-Encoding: quoted-printable", "",
            "C=E2=80=99=C3=A8 una crepa lungo il ponte sul fiume, si allarga ogni  ", "giorno.", "", "Inviato da iPhone", "",
            "--Apple-Mail-1A2B3C4D", "Content-Type: image/heic; name=IMG_0042.HEIC; x-apple-part-url=1A2B", "Content-Disposition: inline; filename=IMG_0042.HEIC",
            "Content-Transfer-Encoding: base64", "", Base64Lines([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63]), "--Apple-Mail-1A2B3C4D--"),
            t =>
            {
                t.TextBody.Should().Contain("C’è una crepa lungo il ponte sul fiume, si allarga ogni giorno.");
                t.Attachments.Should().ContainSingle(a => a.FileName == "IMG_0042.HEIC");
            });

        yield return Case("apple-mail-split-text", () => Lines(
            "From: Chiara Neri <chiara.neri@me.example.com>", To, "Subject: Modulo e planimetria", "Date: Thu, 26 Nov 2026 12:30:00 +0100",
            "Message-Id: <B2C3@me.example.com>", "X-Mailer: Apple Mail (2.3774.300.61.1.2)", "Mime-Version: 1.0 (Mac OS X Mail 16.0)",
            "Content-Type: multipart/mixed; boundary=\"Apple-Mail=_B2C3\"", "", "--Apple-Mail=_B2C3", "Content-Type: text/plain; charset=us-ascii", "",
            "Ecco il modulo compilato:", "", "--Apple-Mail=_B2C3", "Content-Type: application/pdf; name=\"modulo.pdf\"",
            "Content-Disposition: inline; filename=\"modulo.pdf\"", "Content-Transfer-Encoding: base64", "", Base64Lines(Encoding.ASCII.GetBytes("%PDF-1.4\n%modulo")),
            "--Apple-Mail=_B2C3", "Content-Type: text/plain; charset=us-ascii", "", "e la planimetria segue a parte.", "--Apple-Mail=_B2C3--"),
            t =>
            {
                t.TextBody.Should().Contain("Ecco il modulo compilato").And.Contain("e la planimetria segue a parte");
                t.Attachments.Should().ContainSingle(a => a.FileName == "modulo.pdf");
            });

        yield return Case("apple-nfd-filename", () => Mixed("Allegato con nome decomposto",
            ["Content-Type: application/pdf", "Content-Disposition: attachment; filename*=utf-8''verbale_societa%CC%80.pdf", "Content-Transfer-Encoding: base64", "",
                Base64Lines(Encoding.ASCII.GetBytes("%PDF-1.4 societa"))]),
            t => t.Attachments.Should().ContainSingle(a => a.FileName.Normalize(NormalizationForm.FormC) == "verbale_società.pdf"));

        yield return Case("thunderbird-flowed-signature", () => Lines(
            "From: Franco Grigi <franco.grigi@libero.example.it>", To, "Subject: Segnalazione buca pericolosa", "Date: Thu, 26 Nov 2026 13:00:00 +0100",
            "Message-ID: <5f1e2d3c-4b5a-6978-8899-aabbccddeeff@libero.example.it>", "User-Agent: Mozilla Thunderbird", "Content-Language: it-IT",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", "",
            Utf8Bytes("C'è una buca profonda in via Verdi che ha già causato "), Utf8Bytes("due incidenti."), "", "-- ", "Franco Grigi", "Tel. 333 1234567"),
            t => t.TextBody.Should().Contain("C'è una buca profonda in via Verdi che ha già causato due incidenti."));

        yield return Case("libero-webmail-html-only", () => Lines(
            "From: \"giovanni.russo\" <giovanni.russo@libero.example.it>", To, "Subject: richiesta info", "Date: Thu, 26 Nov 2026 14:00:00 +0100",
            "Message-ID: <1234567890.123.1700000000000@libero.example.it>", "MIME-Version: 1.0", "Content-Type: text/html; charset=ISO-8859-1",
            "Content-Transfer-Encoding: quoted-printable", "",
            "<html><head></head><body><div>Buongiorno vorrei sapere quando riapre la strada provinciale chiusa per la neve. Grazie<br></div>",
            "<div>Giovanni Russo</div><div><br></div><div>Inviato da Libero Mail per Android</div></body></html>"),
            t =>
            {
                t.TextBody.Should().Contain("quando riapre la strada provinciale");
                t.HtmlBody.Should().NotBeNull();
            });

        yield return Case("android-samsung-related", () => Lines(
            "From: Rita Bruno <rita.bruno@example.it>", To, "Subject: Allagamento garage", "Date: Thu, 26 Nov 2026 15:00:00 +0100",
            "Message-ID: <abcdef.samsung@email.android.com>", "MIME-Version: 1.0", "Content-Type: multipart/related; boundary=\"--_com.samsung.android.email_1234\"", "",
            "----_com.samsung.android.email_1234", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            B64("utf-8", "<html><body><div dir=\"auto\">Il garage è allagato da stanotte, serve una pompa.</div><img src=\"cid:img1\"></body></html>"),
            "----_com.samsung.android.email_1234", "Content-Type: image/jpeg", "Content-ID: <img1>", "Content-Transfer-Encoding: base64", "",
            Base64Lines([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]), "----_com.samsung.android.email_1234--"),
            t =>
            {
                t.TextBody.Should().Contain("Il garage è allagato da stanotte");
                t.Attachments.Should().ContainSingle(a => a.IsInline);
            });

        yield return Case("lotus-notes-alternative", () => Lines(
            "From: Ufficio Anagrafe <anagrafe@comune2.example.it>", To, "Subject: Richiesta elenco residenti zona rossa", "Date: Fri, 27 Nov 2026 09:00:00 +0100",
            "Message-ID: <OF12345678.ABCDEF-ONC12345@comune2.example.it>", "X-Mailer: Lotus Notes Release 9.0.1 October 14, 2013", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"=_alternative 0033AB12C1258A1B_=\"", "",
            "--=_alternative 0033AB12C1258A1B_=", "Content-Type: text/plain; charset=\"US-ASCII\"", "", "Si trasmette l'elenco richiesto.", "",
            "--=_alternative 0033AB12C1258A1B_=", "Content-Type: text/html; charset=\"US-ASCII\"", "", "<font size=2 face=\"sans-serif\">Si trasmette l'elenco richiesto.</font>",
            "--=_alternative 0033AB12C1258A1B_=--"),
            t => t.TextBody.Should().Contain("Si trasmette l'elenco richiesto"));

        yield return Case("outlook-express-preamble", () => Lines(
            "From: \"Vecchio PC\" <vecchio@tiscali.example.it>", To, "Subject: Richiesta", "Date: Fri, 27 Nov 2026 09:30:00 +0100",
            "Message-ID: <000801c4a1b2$12345678$0201a8c0@pc>", "X-Mailer: Microsoft Outlook Express 6.00.2900.5512", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative;", "\tboundary=\"----=_NextPart_000_0005_01C4A1BA.12345678\"", "X-Priority: 3", "",
            "This is a multi-part message in MIME format.", "", "------=_NextPart_000_0005_01C4A1BA.12345678",
            "Content-Type: text/plain;", "\tcharset=\"iso-8859-1\"", "Content-Transfer-Encoding: quoted-printable", "",
            "Quando passer=E0 il camion per la raccolta dei rifiuti alluvionati?", "", "------=_NextPart_000_0005_01C4A1BA.12345678--"),
            t => t.TextBody.Should().Be("Quando passerà il camion per la raccolta dei rifiuti alluvionati?"));

        yield return Case("old-mailer-no-mime-latin1", () => Lines(
            "From: vecchio.utente@example.it", To, "Subject: richiesta", "Date: 27 Nov 2026 10:00:00 +0100", "X-Mailer: Eudora 3.0", "",
            "Perch\u00e8 il numero verde non risponde? \u00c8 urgente."),
            t => t.TextBody.Should().Be("Perchè il numero verde non risponde? È urgente."));

        yield return Case("no-date-no-message-id", () => Lines(
            "From: anonimo@example.it", To, "Subject: senza data", "", "Segnalo un cavo elettrico a terra in piazza."),
            t => t.TextBody.Should().Contain("cavo elettrico a terra"));

        yield return Case("pgp-signed", () => Lines(
            "From: Tommaso Ferri <tommaso@example.org>", To, "Subject: Richiesta firmata", "Date: Fri, 27 Nov 2026 10:30:00 +0100",
            "Message-ID: <pgp@example.org>", "MIME-Version: 1.0",
            "Content-Type: multipart/signed; micalg=pgp-sha256; protocol=\"application/pgp-signature\"; boundary=\"sig\"", "",
            "--sig", "Content-Type: text/plain; charset=utf-8", "", "Chiedo copia del piano di emergenza comunale.", "",
            "--sig", "Content-Type: application/pgp-signature; name=\"signature.asc\"", "Content-Disposition: attachment; filename=\"signature.asc\"", "",
            "-----BEGIN PGP SIGNATURE-----", "", "iHUEARYIAB0WIQQ=", "=abcd", "-----END PGP SIGNATURE-----", "--sig--"),
            t =>
            {
                t.TextBody.Should().Contain("piano di emergenza comunale");
                t.Attachments.Should().ContainSingle(a => a.FileName == "signature.asc");
            });

        yield return Case("smime-signed-detached", () => Lines(
            "From: Avv. Rossi <studio.rossi@example.it>", To, "Subject: Istanza di accesso agli atti", "Date: Fri, 27 Nov 2026 11:00:00 +0100",
            "Message-ID: <smime@example.it>", "MIME-Version: 1.0",
            "Content-Type: multipart/signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256; boundary=\"----smime\"", "",
            "------smime", "Content-Type: text/plain; charset=utf-8", "", "Si chiede l'accesso agli atti del procedimento n. 12/2026.", "",
            "------smime", "Content-Type: application/pkcs7-signature; name=\"smime.p7s\"", "Content-Transfer-Encoding: base64",
            "Content-Disposition: attachment; filename=\"smime.p7s\"", "", Base64Lines([0x30, 0x82, 0x05, 0x00, 0x06, 0x09]), "------smime--"),
            t =>
            {
                t.TextBody.Should().Contain("accesso agli atti del procedimento");
                t.Attachments.Should().ContainSingle(a => a.FileName == "smime.p7s");
            });

        yield return Case("scan-to-mail-copier", () => Lines(
            "From: scanner@ufficio.example.it", To, "Subject: Scan from XEROX WorkCentre", "Date: Fri, 27 Nov 2026 11:30:00 +0100",
            "Message-ID: <scan.20261127113000@ufficio.example.it>", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=\"scan\"", "",
            "--scan", "Content-Type: application/pdf; name=\"Scan_0001.pdf\"", "Content-Transfer-Encoding: base64", "",
            Base64Lines(Encoding.ASCII.GetBytes("%PDF-1.3\n%scansione\n")), "--scan--"),
            t =>
            {
                t.TextBody.Should().BeEmpty();
                t.Attachments.Should().ContainSingle(a => a.FileName == "Scan_0001.pdf");
            });

        yield return Case("web-form-noreply", () => Lines(
            "From: Modulo web <noreply@sito.example.it>", "Reply-To: Laura Gallo <laura.gallo@example.it>", To,
            "Subject: [Modulo contatti] Nuova richiesta", "Date: Fri, 27 Nov 2026 12:00:00 +0100", "Message-ID: <form-123@sito.example.it>",
            "MIME-Version: 1.0", "Content-Type: text/html; charset=UTF-8", "",
            Utf8Bytes("<table><tr><td>Nome</td><td>Laura Gallo</td></tr><tr><td>Messaggio</td><td>Il fiume è esondato vicino alla scuola.</td></tr></table>")),
            t => t.TextBody.Should().Contain("Il fiume è esondato vicino alla scuola"));

        yield return Case("html-data-uri-image", () => Lines(
            "From: Dario Costa <dario.costa@example.it>", To, "Subject: foto incollata", "Date: Fri, 27 Nov 2026 12:30:00 +0100",
            "Message-ID: <datauri@example.it>", "MIME-Version: 1.0", "Content-Type: text/html; charset=utf-8", "",
            "<p>Ecco la foto del muro crollato:</p><img src=\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\">"),
            t => t.TextBody.Should().Contain("Ecco la foto del muro crollato"));

        yield return Case("rfc2231-continued-filename", () => Mixed("Allegati",
            ["Content-Type: application/pdf", "Content-Disposition: attachment;", " filename*0*=utf-8''Relazione%20tecnica%20;", " filename*1*=sul%20dissesto%20idrogeologico.pdf",
                "Content-Transfer-Encoding: base64", "", Base64Lines(Encoding.ASCII.GetBytes("%PDF-1.5 relazione"))]),
            t => t.Attachments.Should().ContainSingle(a => a.FileName == "Relazione tecnica sul dissesto idrogeologico.pdf"));

        yield return Case("encoded-word-attachment-name", () => Mixed("Allegato Outlook",
            ["Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=\"=?utf-8?B?RG9tYW5kYV9jb250cmlidXRvX8OgLmRvY3g=?=\"",
                "Content-Disposition: attachment; filename=\"=?utf-8?B?RG9tYW5kYV9jb250cmlidXRvX8OgLmRvY3g=?=\"", "Content-Transfer-Encoding: base64", "",
                Base64Lines([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00])]),
            t => t.Attachments.Should().ContainSingle(a => a.FileName == "Domanda_contributo_à.docx"));

        yield return Case("bare-lf-unix-mailer", () => Encoding.ASCII.GetBytes(
            "From: utente@linux.example.org\nTo: segnalazioni@protezionecivile.example.it\nSubject: fine riga LF\nDate: Fri, 27 Nov 2026 13:00:00 +0100\n"
            + "Message-ID: <lf@linux.example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\nRiga uno\nRiga due\n"),
            t => t.TextBody.Should().Be("Riga uno\nRiga due"));

        yield return Case("lying-7bit-utf8", () => Lines(
            "From: Nicola Riva <nicola.riva@example.it>", To, "Subject: CTE sbagliato", "Date: Fri, 27 Nov 2026 13:30:00 +0100",
            "Message-ID: <7bit@example.it>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 7bit", "",
            Utf8Bytes("La città è al buio da ieri: è possibile avere un generatore?")),
            t => t.TextBody.Should().Be("La città è al buio da ieri: è possibile avere un generatore?"));

        yield return Case("utf8-bom-body", () => Lines(
            "From: Irene Sala <irene.sala@example.it>", To, "Subject: BOM", "Date: Fri, 27 Nov 2026 14:00:00 +0100", "Message-ID: <bom@example.it>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", Utf8Bytes("\ufeffRichiedo informazioni sul bonus rottamazione.")),
            t => t.TextBody.TrimStart('\ufeff').Should().Be("Richiedo informazioni sul bonus rottamazione."));

        yield return Case("emoji-subject-and-body", () => Lines(
            "From: Giulia Ferrara <giulia.ferrara@example.it>", To, "Subject: =?UTF-8?B?8J+GmCBBaXV0byEgQWxsYWdhbWVudG8g8J+MiiA=?=",
            "Date: Fri, 27 Nov 2026 14:30:00 +0100", "Message-ID: <emoji@example.it>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable", "", "L=E2=80=99acqua =C3=A8 arrivata al primo piano =F0=9F=98=B1"),
            t =>
            {
                t.Subject.Should().Be("🆘 Aiuto! Allagamento 🌊");
                t.TextBody.Should().Be("L’acqua è arrivata al primo piano 😱");
            });

        yield return Case("split-multibyte-encoded-words", () => Lines(
            "From: Ada Marini <ada@example.it>", To, "Subject: =?UTF-8?B?Q2l0dMOg?= =?UTF-8?B?IGFsbGFnYXRhIOKA?=", " =?UTF-8?B?kyBlbWVyZ2VuemE=?=",
            "Date: Fri, 27 Nov 2026 15:00:00 +0100", "Message-ID: <split@example.it>", "Content-Type: text/plain", "", "testo"),
            t => t.Subject.Should().Be("Città allagata – emergenza"));

        yield return Case("multipart-without-mime-version", () => Lines(
            "From: Pietro Sanna <pietro.sanna@example.it>", To, "Subject: senza MIME-Version", "Date: Fri, 27 Nov 2026 15:30:00 +0100",
            "Message-ID: <nomimever@example.it>", "Content-Type: multipart/mixed; boundary=\"x\"", "", "--x", "Content-Type: text/plain", "",
            "Segnalo un incendio di sterpaglie.", "--x--"),
            t => t.TextBody.Should().Be("Segnalo un incendio di sterpaglie."));

        yield return Case("inline-uuencode-in-text", () => Lines(
            "From: old@example.net", To, "Subject: file allegato alla vecchia maniera", "Date: Fri, 27 Nov 2026 16:00:00 +0100",
            "Message-ID: <uuinline@example.net>", "", "Vi mando il file:", "", "begin 644 nota.txt", "+0VEA;R!M;VYD;P``", "`", "end"),
            t => t.TextBody.Should().StartWith("Vi mando il file:"));
    }
}
