using System.Text;
using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Hostile e-mails: broken MIME structure, absurd sizes and nesting.</summary>
internal static partial class MailCorpus
{
    private static IEnumerable<CorpusCase> Structure()
    {
        yield return Case("truncated-mime", () =>
        {
            var full = Mixed("Troncato", Base64Part("application/pdf", "filename=\"verbale.pdf\"", new byte[3000]));
            return full[..(full.Length * 2 / 3)]; // cut inside the base64, no closing boundary
        }, CorpusExpectation.Ticket(t =>
        {
            t.TextBody.Should().Contain("albero caduto");
            t.Attachments.Should().ContainSingle(a => a.FileName == "verbale.pdf");
        }));

        yield return Case("missing-boundary", () => Message("Senza boundary",
            "Content-Type: multipart/mixed", "", "--x", "Content-Type: text/plain", "", Body, "--x--"),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("albero caduto")));

        yield return Case("wrong-boundary", () => Message("Boundary sbagliato",
            "Content-Type: multipart/mixed; boundary=\"atteso\"", "", "--diverso", "Content-Type: text/plain", "", Body, "--diverso--"),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("albero caduto")));

        yield return Case("headers-only", () => Encoding.ASCII.GetBytes(string.Join("\r\n", [.. Headers, "Subject: Solo intestazioni"])),
            CorpusExpectation.Ticket(t =>
            {
                t.Subject.Should().Be("Solo intestazioni");
                t.TextBody.Should().BeEmpty();
            }));

        yield return Case("zero-bytes", () => [], CorpusExpectation.Quarantine("Empty message (0 bytes)"));

        yield return Case("nul-run", () => new byte[64 * 1024], CorpusExpectation.Quarantine("Not a parseable e-mail message: Failed to parse message headers"));

        yield return Case("random-bytes", () =>
        {
            var bytes = new byte[32 * 1024];
            new Random(6).NextBytes(bytes);
            return bytes;
        }, CorpusExpectation.Quarantine("Not a parseable e-mail message: Failed to parse message headers"));

        yield return Case("multipart-nesting-1000", () =>
        {
            var lines = new List<string>();
            for (var depth = 0; depth < 1000; depth++)
            {
                lines.AddRange([$"Content-Type: multipart/mixed; boundary=\"n{depth}\"", "", $"--n{depth}"]);
            }

            lines.AddRange(["Content-Type: text/plain", "", Body]);
            for (var depth = 999; depth >= 0; depth--)
            {
                lines.Add($"--n{depth}--");
            }

            return Message("Annidato 1000", [.. lines]);
        }, CorpusExpectation.Quarantine("Mail:MaxMimeDepth"));

        yield return Case("multipart-nesting-100000", () =>
        {
            // Once a ticket with empty text and the unparsed rest as a 7 MB attachment-1.bin.
            var text = new StringBuilder();
            for (var depth = 0; depth < 100_000; depth++)
            {
                text.Append("Content-Type: multipart/mixed; boundary=\"n").Append(depth).Append("\"\r\n\r\n--n").Append(depth).Append("\r\n");
            }

            text.Append("Content-Type: text/plain\r\n\r\n").Append(Body).Append("\r\n");
            return Concat(Lines([.. Headers, "Subject: Annidato 100000"]), Encoding.ASCII.GetBytes(text.ToString()));
        }, CorpusExpectation.Quarantine("Mail:MaxMimeDepth"));

        yield return Case("rfc822-nesting-1000", () =>
        {
            var lines = new List<string>();
            for (var depth = 0; depth < 1000; depth++)
            {
                lines.AddRange(["Content-Type: message/rfc822", "", $"From: livello{depth}@example.it", $"Subject: livello {depth}"]);
            }

            lines.AddRange(["Content-Type: text/plain", "", Body]);
            return Message("Inoltrato 1000 volte", [.. lines]);
        }, CorpusExpectation.Quarantine("Mail:MaxMimeDepth"));

        yield return Case("parts-10000", () =>
            Mixed("Diecimila parti", [.. Enumerable.Range(0, 10_000).Select(i => new[] { "Content-Type: text/plain; name=\"p" + i + ".txt\"", "Content-Disposition: attachment", "", "x" })]),
            CorpusExpectation.Quarantine("Mail:MaxMimeParts"));

        yield return Case("attachments-600", () =>
            Mixed("Seicento allegati", [.. Enumerable.Range(0, 600).Select(i => new[] { "Content-Type: text/plain; name=\"p" + i + ".txt\"", "Content-Disposition: attachment", "", "x" })]),
            CorpusExpectation.Quarantine("Mail:MaxAttachments"));

        yield return Case("subject-encoded-word-bomb", () =>
        {
            // 48 KB of header, within Mail:MaxHeaderBytes, that decodes to 30,000 characters.
            var word = "=?utf-8?B?" + Convert.ToBase64String(Encoding.ASCII.GetBytes(new string('A', 50))) + "?=";
            return Plain(string.Join(" ", Enumerable.Repeat(word, 600)));
        }, CorpusExpectation.Quarantine("Mail:MaxSubjectChars"));

        yield return Case("header-line-1mb", () => Plain("Riga lunga " + new string('A', 1024 * 1024)),
            CorpusExpectation.Quarantine("Mail:MaxHeaderBytes"));

        yield return Case("received-headers-20000", () =>
            Plain("Molti Received", Body, [.. Enumerable.Range(0, 20_000).Select(i => $"Received: from relay{i}.example.it by mx.example.it")]),
            CorpusExpectation.Ticket(t => t.Subject.Should().Be("Molti Received")));

        yield return Case("content-type-huge-parameters", () => Message("Parametri enormi",
            "Content-Type: text/plain; charset=utf-8; " + string.Join("; ", Enumerable.Range(0, 5000).Select(i => $"p{i}=\"{new string('v', 100)}\"")),
            "", Body), CorpusExpectation.Quarantine("Mail:MaxHeaderBytes"));

        yield return Case("content-type-1mb-boundary", () => Message("Boundary da 1 MB",
            $"Content-Type: multipart/mixed; boundary=\"{new string('b', 1024 * 1024)}\"", "", Body),
            CorpusExpectation.Quarantine("Mail:MaxHeaderBytes"));

        yield return Case("body-2mb-one-line", () => Plain("Una riga da 2 MB", new string('z', 2 * 1024 * 1024)),
            CorpusExpectation.Quarantine("Mail:MaxBodyChars"));

        yield return Case("bare-cr-and-lf", () => Encoding.ASCII.GetBytes(
            "From: a@example.it\rTo: b@example.it\nSubject: Fine riga misti\r\r\nContent-Type: text/plain\n\r\n" + Body + "\r"),
            CorpusExpectation.Ticket(t => t.TextBody.Should().Contain("albero")));

        yield return Case("address-list-10000", () => Plain("Diecimila destinatari", Body,
            "Cc: " + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"utente{i}@example.it"))),
            CorpusExpectation.Quarantine("Mail:MaxHeaderBytes"));

        yield return Case("address-list-1000", () => Plain("Mille destinatari", Body,
            "Cc: " + string.Join(", ", Enumerable.Range(0, 1000).Select(i => $"utente{i}@example.it"))),
            CorpusExpectation.Ticket(t => t.Subject.Should().Be("Mille destinatari")));
    }

    private static CorpusCase Case(string name, Func<byte[]> generate, CorpusExpectation expected) =>
        new(name, name + ".eml", generate, expected);
}
