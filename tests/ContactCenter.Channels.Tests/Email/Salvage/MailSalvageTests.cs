using System.Text;
using ContactCenter.Channels.Email;
using ContactCenter.Channels.Email.Salvage;

namespace ContactCenter.Channels.Tests.Email.Salvage;

/// <summary>One minimal sample per defect the e-mail normaliser repairs or flags (issue 11).</summary>
public sealed class MailSalvageTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    public MailSalvageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Raw(string text, string charset) => Encoding.Latin1.GetString(Encoding.GetEncoding(charset).GetBytes(text));

    [Theory]
    [InlineData("shift_jis", "山田太郎", "地震の被害について問い合わせ")]
    [InlineData("euc-jp", "山田太郎", "地震の被害について問い合わせ")]
    [InlineData("big5", "陳大文", "關於地震損失的諮詢")]
    [InlineData("euc-kr", "김철수", "지진 피해에 대한 문의")]
    [InlineData("windows-1251", "Иван Петров", "Вопрос о землетрясении")]
    public async Task Normalize_Raw8BitHeadersInForeignCharset_DetectedNotMojibake(string charset, string name, string subject)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            $"From: {Raw(name, charset)} <citizen@example.org>", "Subject: " + Raw(subject, charset), "Date: Mon, 23 Nov 2026 10:15:00 +0100",
            "Content-Type: text/plain; charset=" + charset, "", Raw("Buongiorno", charset)));

        draft.Subject.Should().Be(subject);
        draft.Sender.DisplayName.Should().Be(name);
        draft.Sender.Email.Should().Be("citizen@example.org");
        draft.Metadata[MailSalvageReport.MetadataKey].Should().Contain(Encoding.GetEncoding(charset).WebName);
    }

    [Theory]
    [InlineData("Citt\u00e0 allagata: \u00e8 urgente", "Città allagata: è urgente")]
    [InlineData("Rimborso di 50\u0080 gi\u00e0 pagato", "Rimborso di 50€ già pagato")]
    [InlineData("Nicol\u00f2 Bartolom\u00e8", "Nicolò Bartolomè")]
    public async Task Normalize_Raw8BitLatinHeaders_KeepTheConfiguredFallback(string rawSubject, string expected)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: a@example.it", "Subject: " + rawSubject, "", "testo"));

        draft.Subject.Should().Be(expected, "a detector's guess on a few accented letters (ISO-8859-13, windows-1258) is not trusted");
        draft.Metadata.Should().NotContainKey(MailSalvageReport.MetadataKey);
    }

    [Fact]
    public async Task Normalize_Raw8BitHeaders_ConfiguredFallbackUsed()
    {
        using var latin2 = new NormalizerHarness(o => o.FallbackCharset = "iso-8859-2");

        var draft = await latin2.NormalizeAsync(RawMail.Lines("From: a@example.it", "Subject: " + Raw("Zażółć", "iso-8859-2"), "", "testo"));

        draft.Subject.Should().Be("Zażółć");
    }

    [Theory]
    [InlineData("x-klingon")]
    [InlineData("")]
    public void Validate_UnknownFallbackCharset_FailsNamingTheKey(string charset)
    {
        var result = new MailNormalizerOptionsValidator().Validate(null, new MailNormalizerOptions { FallbackCharset = charset });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain("ContactCenter:Mail:FallbackCharset");
        new MailNormalizerOptionsValidator().Validate(null, new MailNormalizerOptions { FallbackCharset = "iso-8859-15" }).Succeeded.Should().BeTrue();
    }

    [Theory]
    [InlineData("=?UTF-8?B?TWFyaW8gUm9zc2kgPG1hcmlvLnJvc3NpQGV4YW1wbGUuaXQ+?=")]
    [InlineData("=?iso-8859-1?Q?Mario_Rossi_<mario.rossi@example.it>?=")]
    public async Task Normalize_EncodedWordHoldingNameAndAddress_ReparsedAndReplyable(string rawFrom)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + rawFrom, "Subject: x", "", "testo"));

        draft.Sender.Email.Should().Be("mario.rossi@example.it");
        draft.Sender.DisplayName.Should().Be("Mario Rossi");
        draft.ReplyAddress.Should().Be("mario.rossi@example.it", "the receipt can be sent");
        draft.Metadata[MailSalvageReport.MetadataKey].Should().Contain("re-read");
    }

    [Theory]
    [InlineData("Mario Rossi mario.rossi@example.it", "Mario Rossi")]
    [InlineData("\"Anna Verdi\" anna.verdi@example.it", "Anna Verdi")]
    [InlineData("mario.rossi@example.it (Mario Rossi)", "Mario Rossi")]
    public async Task Normalize_FromWithoutBrackets_AddressFound(string rawFrom, string name)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines("From: " + rawFrom, "Subject: x", "", "testo"));

        draft.Sender.Email.Should().EndWith("@example.it");
        draft.Sender.DisplayName.Should().Be(name);
        draft.ReplyAddress.Should().Be(draft.Sender.Email);
    }

    [Theory]
    [InlineData("---- Original email message ----")]
    [InlineData("Messaggio originale:")]
    [InlineData("")]
    public async Task Normalize_JunkLineBeforeHeaders_SkippedNotQuarantined(string junk)
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            junk, "From: Mario Rossi <mario.rossi@example.it>", "Subject: Dopo la riga di troppo", "Date: Mon, 23 Nov 2026 10:15:00 +0100",
            "Message-ID: <junk@example.it>", "", "Albero caduto in via Roma."));

        draft.Subject.Should().Be("Dopo la riga di troppo");
        draft.Sender.Email.Should().Be("mario.rossi@example.it");
        draft.MessageId.Should().Be("junk@example.it");
        draft.TextBody.Should().Be("Albero caduto in via Roma.");
        draft.Metadata[MailSalvageReport.MetadataKey].Should().Contain("(1 line(s)) before the first header skipped");
    }

    [Fact]
    public async Task Normalize_ByteOrderMarkBeforeHeaders_FirstHeaderKept()
    {
        var draft = await harness.NormalizeAsync([0xEF, 0xBB, 0xBF, .. RawMail.Lines("From: Mario Rossi <mario.rossi@example.it>", "Subject: Con BOM", "", "testo")]);

        draft.Sender.Email.Should().Be("mario.rossi@example.it");
        draft.Subject.Should().Be("Con BOM");
    }

    [Fact]
    public async Task Normalize_JunkBeforeForwardedMessage_ForwardedBytesStillExact()
    {
        string[] inner = ["From: b@example.it", "Subject: interno", "", "testo interno"];
        var raw = RawMail.Lines(["---- Original email message ----", "From: a@example.it", "Subject: esterno", "Content-Type: multipart/mixed; boundary=b", "",
            "--b", "Content-Type: text/plain", "", "vedi sotto", "--b", "Content-Type: message/rfc822", "", .. inner, "--b--"]);

        var draft = await harness.NormalizeAsync(raw);

        var eml = draft.Attachments.Should().ContainSingle().Subject;
        harness.Text(eml).Should().StartWith("From: b@example.it\r\nSubject: interno\r\n\r\ntesto interno");
    }

    [Fact]
    public async Task Normalize_TextThatIsNoMessage_StillQuarantined()
    {
        var act = () => harness.NormalizeAsync(RawMail.Lines("Caro ufficio,", "vi scrivo perché", "nessuno risponde.", "Saluti"));

        await act.Should().ThrowAsync<ContactCenter.Core.Intake.InboundItemRejectedException>();
    }

    [Fact]
    public async Task Normalize_UuencodeWithoutBegin_DecodedAsPayload()
    {
        var content = "Contenuto del file allegato, molto lungo e an"u8.ToArray();
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: uu", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b", "",
            "--b", "Content-Type: text/plain", "", "testo", "--b",
            "Content-Type: application/octet-stream; name=\"nota.txt\"", "Content-Transfer-Encoding: x-uuencode", "",
            "M0V]N=&5N=71O(&1E;\"!F:6QE(&%L;&5G871O+\"!M;VQT;R!L=6YG;R!E(&%N", "`", "end", "--b--"));

        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        harness.Bytes(attachment).Should().Equal(content);
        draft.Metadata[MailSalvageReport.MetadataKey].Should().Contain("senza riga 'begin'");
        draft.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public async Task Normalize_TruncatedBase64Body_FlaggedForReviewWithReason()
    {
        var full = Convert.ToBase64String(Encoding.UTF8.GetBytes("Buongiorno, vi chiedo informazioni sull'allerta meteo di domani."));
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: b64", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            full[..(full.Length - 7)]));

        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("base64 troncato").And.Contain("text/plain");
        draft.TextBody.Should().StartWith("Buongiorno, vi chiedo");
    }

    [Fact]
    public async Task Normalize_Base64AttachmentWithForeignBytes_FlaggedForReview()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: b64", "MIME-Version: 1.0", "Content-Type: multipart/mixed; boundary=b", "",
            "--b", "Content-Type: text/plain", "", "testo", "--b",
            "Content-Type: application/pdf; name=\"verbale.pdf\"", "Content-Transfer-Encoding: base64", "", "JVBERi0x!!**AAAA", "--b--"));

        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("verbale.pdf").And.Contain("caratteri non base64");
    }

    [Fact]
    public async Task Normalize_PlainTextLabelledBase64_ShownAsItCameAndFlagged()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: b64", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            "Buongiorno, vi scrivo per la frana di via Roma.", "Saluti, Mario"));

        draft.TextBody.Should().Be("Buongiorno, vi scrivo per la frana di via Roma.\nSaluti, Mario");
        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("dichiarata base64 ma è testo semplice");
    }

    [Fact]
    public async Task Normalize_ValidBase64_NotFlagged()
    {
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it", "Subject: b64", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            RawMail.Base64Lines(Encoding.UTF8.GetBytes("Città allagata, serve aiuto."))));

        draft.TextBody.Should().Be("Città allagata, serve aiuto.");
        draft.NeedsReview.Should().BeFalse();
    }

    public void Dispose() => harness.Dispose();
}
