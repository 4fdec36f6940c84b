using System.Text;
using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Tests.Email;

public sealed class EmailNormalizerAttachmentTests : IDisposable
{
    private readonly NormalizerHarness harness = new();

    [Theory]
    [InlineData("filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("filename=\"C:\\\\Users\\\\mario\\\\Desktop\\\\denuncia.pdf\"", "denuncia.pdf")]
    [InlineData("filename*=UTF-8''relazione%00.pdf", "relazione.pdf")]
    [InlineData("filename*=UTF-8''fattura%E2%80%AEfdp.exe", "fatturafdp.exe")]
    [InlineData("filename*=UTF-8''%0D%0Aevil%07name.txt", "evilname.txt")]
    [InlineData("filename=\"..\"", "attachment-1.pdf")]
    public async Task Normalize_HostileAttachmentName_IsSanitised(string dispositionParameter, string expected)
    {
        var content = Encoding.ASCII.GetBytes("%PDF-1.4 contenuto");
        var draft = await harness.NormalizeAsync(RawMail.Mixed(Attachment("application/pdf", dispositionParameter, content)));

        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        attachment.FileName.Should().Be(expected);
        harness.Bytes(attachment).Should().Equal(content);
    }

    [Fact]
    public async Task Normalize_300CharacterName_IsTruncatedKeepingItsExtension()
    {
        var name = new string('a', 296) + ".pdf";
        var draft = await harness.NormalizeAsync(RawMail.Mixed(Attachment("application/pdf", $"filename=\"{name}\"", [1, 2, 3])));

        var fileName = draft.Attachments.Should().ContainSingle().Subject.FileName;
        fileName.Length.Should().BeLessThanOrEqualTo(SafeFileName.MaxLength);
        fileName.Should().StartWith("aaaa").And.EndWith(".pdf");
    }

    [Fact]
    public async Task Normalize_InlineImage_IsArchivedWithContentIdAndReferencedFromHtml()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];
        var draft = await harness.NormalizeAsync(RawMail.Lines(
            "From: a@example.it",
            "Subject: foto",
            "MIME-Version: 1.0",
            "Content-Type: multipart/related; boundary=\"rel\"",
            "",
            "--rel",
            "Content-Type: text/html; charset=utf-8",
            "",
            "<p>Ecco la foto: <img src=\"cid:foto1@example.it\"></p>",
            "--rel",
            "Content-Type: image/png",
            "Content-ID: <foto1@example.it>",
            "Content-Transfer-Encoding: base64",
            "",
            RawMail.Base64Lines(png),
            "--rel--"));

        var image = draft.Attachments.Should().ContainSingle().Subject;
        image.IsInline.Should().BeTrue();
        image.ContentId.Should().Be("foto1@example.it");
        image.ContentType.Should().Be("image/png");
        image.FileName.Should().Be("inline-1.png");
        harness.Bytes(image).Should().Equal(png);
        draft.HtmlBody.Should().Contain("src=\"cid:foto1@example.it\"");
        draft.TextBody.Should().Be("Ecco la foto:");
    }

    [Fact]
    public async Task Normalize_NestedForwards_KeepsOuterForwardAsOneEmlByteForByte()
    {
        var innermost = RawMail.Lines(
            "From: Cittadino <cittadino@example.it>", "Subject: Frana in via Roma", "Message-ID: <inner@example.it>", "", "Testo originale.");
        // One bare-LF header line: a re-serialised copy would differ from the bytes that were forwarded.
        var middle = RawMail.Lines(
            "From: Ufficio <ufficio@comune.example.org>\nX-Forwarded-By: Outlook  ",
            "Subject: I: Frana in via Roma",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"mid\"",
            "",
            "--mid",
            "Content-Type: text/plain",
            "",
            "Vi inoltro la segnalazione.",
            "--mid",
            "Content-Type: message/rfc822",
            "",
            Encoding.Latin1.GetString(innermost).TrimEnd('\r', '\n'),
            "--mid--");
        var raw = RawMail.Lines(
            "From: Sindaco <sindaco@comune.example.org>",
            "Subject: Fwd: pratica 12/2026",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"out\"",
            "",
            "--out",
            "Content-Type: text/plain",
            "",
            "Per competenza.",
            "--out",
            "Content-Type: message/rfc822",
            "Content-Disposition: attachment",
            "",
            Encoding.Latin1.GetString(middle).TrimEnd('\r', '\n'),
            "--out--");

        var draft = await harness.NormalizeAsync(raw);

        draft.TextBody.Should().Be("Per competenza.");
        var forwarded = draft.Attachments.Should().ContainSingle().Subject;
        forwarded.FileName.Should().Be("I Frana in via Roma.eml");
        forwarded.ContentType.Should().Be("message/rfc822");
        Encoding.Latin1.GetString(harness.Bytes(forwarded)).Should().Be(Encoding.Latin1.GetString(middle).TrimEnd('\r', '\n'));

        var reparsed = MimeMessage.Load(new MemoryStream(harness.Bytes(forwarded)));
        var inner = reparsed.BodyParts.OfType<MessagePart>().Should().ContainSingle().Subject;
        inner.Message!.Subject.Should().Be("Frana in via Roma");
    }

    [Fact]
    public async Task Normalize_ForwardWithSlashInSubject_NamesEmlFromWholeSubject()
    {
        var inner = RawMail.Lines("From: x@example.it", "Subject: Re: pratica 12/2026", "", "testo");
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: message/rfc822\r\n\r\n" + Encoding.Latin1.GetString(inner)));

        draft.Attachments.Should().ContainSingle().Which.FileName.Should().Be("Re pratica 12-2026.eml");
    }

    [Fact]
    public async Task Normalize_ForwardedAsAttachmentWithoutOwnText_TakesTheForwardedText()
    {
        var inner = RawMail.Lines(
            "From: x@example.it", "Subject: Frana", "Content-Type: text/html; charset=utf-8", "", "<p>La frana ha chiuso la strada.</p>");
        var draft = await harness.NormalizeAsync(RawMail.Mixed("Content-Type: message/rfc822\r\n\r\n" + Encoding.Latin1.GetString(inner)));

        draft.TextBody.Should().Be("La frana ha chiuso la strada.");
        draft.HtmlBody.Should().BeNull();
        draft.Attachments.Should().ContainSingle().Which.FileName.Should().Be("Frana.eml");
    }

    [Theory]
    [InlineData(8, 100, true)]
    [InlineData(64, 3000, true)]
    [InlineData(64, 20, false)]
    public async Task Normalize_DeeplyNestedMultiparts_OverTheMimeDepthLimitRejected(int maxDepth, int nesting, bool over)
    {
        using var limited = new NormalizerHarness(o => o.MaxMimeDepth = maxDepth);
        var lines = new List<string> { "From: a@example.it", "Subject: nido", "MIME-Version: 1.0" };
        for (var depth = 0; depth < nesting; depth++)
        {
            lines.AddRange([$"Content-Type: multipart/mixed; boundary=\"b{depth}\"", "", $"--b{depth}"]);
        }

        lines.AddRange(["Content-Type: text/plain", "", "in fondo"]);
        var act = () => limited.NormalizeAsync(RawMail.Lines([.. lines]));

        // Once it kept the rest as one opaque part and made a ticket with no text: now it is quarantined.
        if (over)
        {
            await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*Mail:MaxMimeDepth*");
        }
        else
        {
            (await act()).TextBody.Should().Be("in fondo");
        }
    }

    [Fact]
    public async Task Normalize_WinmailDat_IsUnpackedIntoItsAttachments()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 relazione tecnica");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46];
        var tnef = new TnefBuilder()
            .Body("Testo scritto in Outlook: perchè la frana è vicina.")
            .Attachment("relazione.pdf", pdf)
            .Attachment("../../foto danni.jpg", jpeg)
            .ToArray();

        var draft = await harness.NormalizeAsync(RawMail.Mixed(Attachment("application/ms-tnef", "filename=\"winmail.dat\"", tnef)));

        draft.Attachments.Select(a => a.FileName).Should().Equal("relazione.pdf", "foto danni.jpg");
        draft.Attachments.Select(a => a.ContentType).Should().Equal("application/pdf", "image/jpeg");
        harness.Bytes(draft.Attachments[0]).Should().Equal(pdf);
        harness.Bytes(draft.Attachments[1]).Should().Equal(jpeg);
        draft.TextBody.Should().Be("Testo scritto in Outlook: perchè la frana è vicina.");
        draft.NeedsReview.Should().BeFalse();
    }

    [Fact]
    public async Task Normalize_WinmailDatBesideText_KeepsTheMessageText()
    {
        var tnef = new TnefBuilder().Body("Testo TNEF").Attachment("a.txt", "allegato"u8.ToArray()).ToArray();
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: text/plain; charset=utf-8\r\n\r\nTesto del messaggio.",
            Attachment("application/vnd.ms-tnef", "filename=\"winmail.dat\"", tnef)));

        draft.TextBody.Should().Be("Testo del messaggio.");
        draft.Attachments.Should().ContainSingle().Which.FileName.Should().Be("a.txt");
    }

    [Fact]
    public async Task Normalize_DamagedWinmailDat_IsKeptAsItIsAndFlagged()
    {
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: text/plain\r\n\r\nVedi allegato.",
            Attachment("application/ms-tnef", "filename=\"winmail.dat\"", Encoding.ASCII.GetBytes("non è un TNEF"))));

        draft.Attachments.Should().ContainSingle().Which.FileName.Should().Be("winmail.dat");
        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("winmail.dat");
    }

    [Fact]
    public async Task Normalize_MoreAttachmentsThanAllowed_IsRejectedWithTheLimit()
    {
        using var strict = new NormalizerHarness(o => o.MaxAttachments = 3);
        var parts = Enumerable.Range(1, 4).Select(i => Attachment("text/plain", $"filename=\"f{i}.txt\"", [(byte)'x'])).ToArray();

        var act = () => strict.NormalizeAsync(RawMail.Mixed(parts));

        (await act.Should().ThrowAsync<InboundItemRejectedException>())
            .WithMessage("*4 attachments*limit of 3*ContactCenter:Mail:MaxAttachments*");
    }

    [Fact]
    public async Task Normalize_LargeAttachment_IsArchivedIntact()
    {
        var big = new byte[6 * 1024 * 1024];
        new Random(7).NextBytes(big);
        var draft = await harness.NormalizeAsync(RawMail.Mixed(
            "Content-Type: text/plain\r\n\r\nPlanimetria allegata.",
            Attachment("application/octet-stream", "filename=\"planimetria.dwg\"", big)));

        var attachment = draft.Attachments.Should().ContainSingle().Subject;
        attachment.Size.Should().Be(big.Length);
        attachment.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(big)));
    }

    private static string Attachment(string contentType, string dispositionParameter, byte[] content) =>
        $"Content-Type: {contentType}\r\nContent-Disposition: attachment; {dispositionParameter}\r\n"
        + $"Content-Transfer-Encoding: base64\r\n\r\n{RawMail.Base64Lines(content)}";

    public void Dispose() => harness.Dispose();
}
