using System.Text;
using static ContactCenter.Workers.Tests.Corpus.HostileMail;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Mail with the defects the normaliser repairs or flags (one each, as found in other helpdesks' fixtures).</summary>
internal static partial class RealWorldMail
{
    private static IEnumerable<CorpusCase> Salvaged()
    {
        yield return Case("raw-shift-jis-headers", () => Lines(
            $"From: {In("shift_jis", "山田太郎")} <yamada@example.jp>", To, "Subject: " + In("shift_jis", "地震の被害について問い合わせ"),
            "Date: Sat, 28 Nov 2026 10:00:00 +0900", "Message-ID: <rawsjis@example.jp>", "Content-Type: text/plain; charset=shift_jis", "",
            In("shift_jis", "家の壁にひびが入りました。")),
            t =>
            {
                t.Subject.Should().Be("地震の被害について問い合わせ");
                t.Sender!.DisplayName.Should().Be("山田太郎");
                t.TextBody.Should().Be("家の壁にひびが入りました。");
            });

        yield return Case("from-encoded-word-with-address", () => Lines(
            "From: " + Word("utf-8", "Mario Rossi <mario.rossi@example.it>"), To, "Subject: mittente tutto codificato",
            "Date: Sat, 28 Nov 2026 10:30:00 +0100", "Message-ID: <ewaddr@example.it>", "", "Chiedo la presa in carico."),
            t => t.Sender!.Email.Should().Be("mario.rossi@example.it"));

        yield return Case("from-without-brackets", () => Lines(
            "From: Mario Rossi mario.rossi2@example.it", To, "Subject: mittente senza parentesi", "Date: Sat, 28 Nov 2026 11:00:00 +0100",
            "Message-ID: <nobrackets@example.it>", "", "Chiedo la presa in carico."),
            t =>
            {
                t.Sender!.Email.Should().Be("mario.rossi2@example.it");
                t.Sender.DisplayName.Should().Be("Mario Rossi");
            });

        yield return Case("junk-line-before-headers", () => Lines(
            "---- Original email message ----", "From: Lucia Conti <lucia.conti@example.it>", To, "Subject: salvata da file",
            "Date: Sat, 28 Nov 2026 11:30:00 +0100", "Message-ID: <junkline@example.it>", "", "Il tetto della scuola perde acqua."),
            t =>
            {
                t.Subject.Should().Be("salvata da file");
                t.TextBody.Should().Be("Il tetto della scuola perde acqua.");
            });

        yield return Case("uuencode-without-begin", () => Mixed("uuencode senza begin",
            ["Content-Type: application/octet-stream; name=\"nota.txt\"", "Content-Transfer-Encoding: x-uuencode", "",
                "M0V]N=&5N=71O(&1E;\"!F:6QE(&%L;&5G871O+\"!M;VQT;R!L=6YG;R!E(&%N", "`", "end"]),
            t => Encoding.ASCII.GetString(t.Read(t.Attachments.Should().ContainSingle().Subject)).Should().Be("Contenuto del file allegato, molto lungo e an"));

        yield return Case("base64-body-cut-short", () => Message("base64 troncato",
            "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("Buongiorno, la strada per la frazione è interrotta da una frana."))[..61]),
            t =>
            {
                t.TextBody.Should().StartWith("Buongiorno, la strada");
                t.NeedsReview.Should().BeTrue();
                t.ReviewReason.Should().Contain("base64 troncato");
            });
    }
}
