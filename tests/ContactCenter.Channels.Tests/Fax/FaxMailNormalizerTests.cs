using ContactCenter.Channels.Email;
using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Channels.Tests.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using static ContactCenter.Channels.Tests.Paper.TestPages;

namespace ContactCenter.Channels.Tests.Fax;

public sealed class FaxMailNormalizerTests : IDisposable
{
    private readonly TempDirectory folder = new("cc-faxmail");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Normalize_HylaFaxMail_SenderNumberTextAndArchivedOriginal()
    {
        var reader = new FixedTextReader(Page(1, "Oggetto: strada interrotta\nSi segnala una frana.", 80));
        var archive = ContentArchives.InFolder(folder.Combine("archive"));
        var eml = Mail(
            "Facsimile received from COMUNE DI PROVA",
            "Sender: COMUNE DI PROVA\nCallID1: 0612345678\nCallID2: Ufficio tecnico\n",
            ("fax00012.tif", "image/tiff", "II*\0tiff"));

        var draft = await Normalizer(reader, archive).NormalizeAsync(Item(eml), CancellationToken.None);

        draft.Channel.Should().Be(ChannelKind.Fax);
        draft.Sender.Fax.Should().Be("+390612345678");
        draft.Sender.DisplayName.Should().Be("Ufficio tecnico");
        draft.ReplyAddress.Should().BeNull("the gateway's From address must not get receipts");
        draft.Subject.Should().Be("strada interrotta");
        draft.Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA").And.Contain("fax.callerId", "0612345678");
        draft.Original!.ContentType.Should().Be("message/rfc822");
        using var archived = new MemoryStream();
        await archive.OpenRead(draft.Original.Sha256).CopyToAsync(archived);
        archived.ToArray().Should().Equal(eml);
        draft.SameItemKey.Should().Be($"original:{draft.ChannelName}/{draft.Original.Sha256}", "the .eml's hash knows the fax again under a new UID");
        var tiff = draft.Attachments.Should().ContainSingle().Subject;
        tiff.FileName.Should().Be("fax00012.tif");
        reader.Reads.Should().ContainSingle().Which.Bytes.Should().Equal("II*\0tiff"u8.ToArray());
        tiff.InOriginal!.Sha256.Should().Be(draft.Original.Sha256, "the fax is in the .eml already: read from there, not archived twice");
        archive.Contains(tiff.Sha256).Should().BeFalse();
        AttachmentBytes.Read(archive, tiff).Should().Equal("II*\0tiff"u8.ToArray());
    }

    [Fact]
    public async Task Normalize_MailFromAStreamThatCannotSeek_SpooledOnce_TheFaxStillASliceOfTheOriginal()
    {
        var archive = ContentArchives.InFolder(folder.Combine("archive"));
        var eml = Mail("Facsimile received from COMUNE DI PROVA", "Sender: COMUNE DI PROVA\n", ("fax.tif", "image/tiff", "II*\0tiff"));
        var compressed = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionMode.Compress, leaveOpen: true))
        {
            gzip.Write(eml);
        }

        var opened = 0;
        var item = Item(eml, open: () =>
        {
            opened++;
            return new System.IO.Compression.GZipStream(new MemoryStream(compressed.ToArray()), System.IO.Compression.CompressionMode.Decompress);
        });

        var draft = await Normalizer(new FixedTextReader(Page(1, "testo", 90)), archive).NormalizeAsync(item, CancellationToken.None);

        opened.Should().Be(1, "the message is read from its source once, then from the spool");
        var tiff = draft.Attachments.Should().ContainSingle().Subject;
        tiff.InOriginal!.Sha256.Should().Be(draft.Original!.Sha256);
        archive.Contains(tiff.Sha256).Should().BeFalse();
        AttachmentBytes.Read(archive, tiff).Should().Equal("II*\0tiff"u8.ToArray());
    }

    [Fact]
    public async Task Normalize_JunkBeforeTheHeaders_SkippedAndTheFaxStillASliceOfTheOriginal()
    {
        var archive = ContentArchives.InFolder(folder.Combine("archive"));
        var eml = Mail("New fax from 0612345678", "", ("fax.tif", "image/tiff", "II*\0tiff"));
        var item = Item([.. "From gateway Tue Dec  1 10:00:00 2026\r\n"u8, .. eml]);

        var draft = await Normalizer(new FixedTextReader(Page(1, "testo", 90)), archive).NormalizeAsync(item, CancellationToken.None);

        draft.Sender.Fax.Should().Be("+390612345678");
        AttachmentBytes.Read(archive, draft.Attachments.Single()).Should().Equal("II*\0tiff"u8.ToArray());
    }

    [Fact]
    public async Task Normalize_OverTheMailLimits_RejectedWithTheLimitsKey_NothingRead()
    {
        var reader = new FixedTextReader(Page(1, "testo", 90));
        var manyParts = Mail("New fax from 0612345678", "", [.. Enumerable.Range(1, 12).Select(i => ($"f{i}.tif", "image/tiff", "II*\0"))]);
        var longHeader = Mail("New fax from 0612345678 " + new string('A', 5000), "", ("fax.tif", "image/tiff", "II*\0"));
        var limited = Normalizer(reader, mail: new MailNormalizerOptions { MaxMimeParts = 10, MaxHeaderBytes = 4096, MaxMessageBytes = 100_000 });

        var parts = () => limited.NormalizeAsync(Item(manyParts), CancellationToken.None);
        var header = () => limited.NormalizeAsync(Item(longHeader), CancellationToken.None);
        var size = () => limited.NormalizeAsync(Item(Mail("New fax", "", ("fax.tif", "image/tiff", new string('x', 200_000)))), CancellationToken.None);
        var empty = () => limited.NormalizeAsync(Item([]), CancellationToken.None);

        (await parts.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*more than 10 MIME parts*Mail:MaxMimeParts*");
        (await header.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*Header Subject*Mail:MaxHeaderBytes*");
        (await size.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*Mail:MaxMessageBytes*");
        (await empty.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("Empty message*");
        reader.Reads.Should().BeEmpty("a message over a limit is refused before its documents are read");
    }

    [Fact]
    public async Task Normalize_FreePbxMailWithPdfAndTiff_ReadsOnlyTheTiff()
    {
        var reader = new FixedTextReader(Page(1, "testo", 90));
        var eml = Mail(
            "New fax from: \"Mario Rossi\" <3331234567>",
            "Enclosed, please find a new fax from: \"Mario Rossi\" <3331234567>\n",
            ("fax.pdf", "application/pdf", "%PDF-1.4"), ("fax.tif", "image/tiff", "II*\0"));

        var draft = await Normalizer(reader).NormalizeAsync(Item(eml), CancellationToken.None);

        reader.Reads.Select(r => r.FileName).Should().Equal("fax.tif");
        draft.Sender.Fax.Should().Be("+393331234567");
        draft.Sender.DisplayName.Should().Be("Mario Rossi");
    }

    [Fact]
    public async Task Normalize_TwoTiffs_PagesNumberedAcrossBoth()
    {
        var reader = new FixedTextReader(Page(1, "pagina"));
        var eml = Mail("New fax from 0612345678", "", ("a.tif", "image/tiff", "A"), ("b.tif", "application/octet-stream", "B"));

        var draft = await Normalizer(reader).NormalizeAsync(Item(eml), CancellationToken.None);

        draft.TextBody.Should().Be("pagina\n\n--- pagina 2 ---\n\npagina");
        draft.PageConfidences.Should().HaveCount(2);
    }

    [Fact]
    public async Task Normalize_NoFaxAttachment_Rejected()
    {
        var eml = Mail("New fax from 0612345678", "nessun allegato", ("nota.txt", "text/plain", "ciao"));

        var act = () => Normalizer(new FixedTextReader()).NormalizeAsync(Item(eml), CancellationToken.None);

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*no TIFF or PDF attachment*");
    }

    [Theory]
    [InlineData(ChannelKind.Fax, "message/rfc822", true)]
    [InlineData(ChannelKind.Email, "message/rfc822", false)]
    [InlineData(ChannelKind.Fax, "image/tiff", false)]
    public void CanNormalize_FaxChannelMailOnly(ChannelKind channel, string contentType, bool expected)
    {
        var item = Item([], channel, contentType);

        Normalizer(new FixedTextReader()).CanNormalize(item).Should().Be(expected);
    }

    private FaxMailNormalizer Normalizer(FixedTextReader reader, IContentArchive? archive = null, MailNormalizerOptions? mail = null) => new(
        archive ?? ContentArchives.InFolder(folder.Combine("archive")),
        reader,
        new PaperTextExtractor(Options.Create(new OcrOptions())),
        NullLogger<FaxMailNormalizer>.Instance,
        mail: Options.Create(mail ?? new MailNormalizerOptions()));

    private static byte[] Mail(string subject, string body, params (string Name, string Type, string Content)[] attachments)
    {
        var builder = new BodyBuilder { TextBody = body };
        foreach (var (name, type, content) in attachments)
        {
            builder.Attachments.Add(name, System.Text.Encoding.Latin1.GetBytes(content), ContentType.Parse(type));
        }

        var message = new MimeMessage { Subject = subject, Body = builder.ToMessageBody() };
        message.From.Add(new MailboxAddress("HylaFAX", "fax@gateway.example.it"));
        message.To.Add(new MailboxAddress("", "protocollo@example.it"));
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }

    private static InboundItem Item(byte[] eml, ChannelKind channel = ChannelKind.Fax, string contentType = "message/rfc822", Func<Stream>? open = null) => new()
    {
        SourceKey = "imap:fax/INBOX/1/7",
        ChannelName = "fax-mail",
        Channel = channel,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        OpenAsync = _ => ValueTask.FromResult(open?.Invoke() ?? new MemoryStream(eml)),
        OriginalFileName = "message.eml",
        OriginalContentType = contentType,
    };
}
