using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Channels.Postal;
using ContactCenter.Channels.Tests.Ocr;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using ContactCenter.Testing.Scans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ContactCenter.Channels.Tests.Paper;

/// <summary>Real files through the real sources, the real libtesseract reader and the real archive into drafts.</summary>
[Collection(OcrCollection.Name)]
public sealed class PaperOcrEndToEndTests(OcrFixture fixture) : IDisposable
{
    private static readonly TimeSpan StableFor = TimeSpan.FromSeconds(10);
    private readonly TempDirectory folder = new("cc-paper-e2e");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ScannedLetter_InScanFolder_BecomesOneDraftWithTheSendersFields()
    {
        Copy(fixture.Scans.Letter300Png, "scanner", "urgenze", "lettera.png");
        var source = ScanFolder();

        var item = (await StableItemsAsync(source)).Single();
        var draft = (await PaperNormalizer().NormalizeAllAsync(item, CancellationToken.None)).Single();

        draft.SourceKey.Should().Be(item.SourceKey);
        draft.Channel.Should().Be(ChannelKind.Postal);
        draft.CategoryHint.Should().Be("urgenze");
        draft.Subject.Should().Be(ItalianLetters.FirstSubject);
        draft.Sender.DisplayName.Should().Be("Mario Rossi");
        draft.Sender.FiscalCode.Should().Be(ItalianLetters.FirstFiscalCode);
        draft.Sender.Email.Should().Be(ItalianLetters.FirstEmail);
        draft.ReplyAddress.Should().Be(ItalianLetters.FirstEmail);
        draft.Sender.Phone.Should().Be("+393331234567");
        draft.Sender.PostalAddress.Should().Be("Via Roma 12, 00184 Roma (RM)");
        draft.Metadata.Should().Contain("paper.cap", ItalianLetters.FirstPostalCode);
        draft.NeedsReview.Should().BeFalse();
        draft.OcrConfidence.Should().BeGreaterThan(80);
        draft.Original!.Size.Should().Be(new FileInfo(fixture.Scans.Letter300Png).Length);
    }

    [Fact]
    public async Task FaxTiff_InHylaFaxSpool_BecomesDraftWithTheSendersNumber()
    {
        var spool = folder.Combine("recvq");
        var fax = Copy(fixture.Scans.FaxFineG4, "recvq", "fax00001.tif");
        ExternalTool.Run("tiffset", "-s", "270", "COMUNE DI PROVA\n0612345678\nUfficio tecnico", fax);
        var source = new FaxSpoolSource(
            "fax", new FaxSpoolChannelOptions { Type = "FaxSpool", Path = spool, StableFor = StableFor }, time,
            NullLogger<FaxSpoolSource>.Instance);

        var item = (await StableItemsAsync(source)).Single();
        var draft = (await PaperNormalizer().NormalizeAllAsync(item, CancellationToken.None)).Single();

        draft.Channel.Should().Be(ChannelKind.Fax);
        draft.Sender.Fax.Should().Be("+390612345678");
        draft.Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA");
        draft.Subject.Should().Contain("contributo per i danni");
        draft.Sender.FiscalCode.Should().Be(ItalianLetters.FirstFiscalCode);
        draft.Original!.ContentType.Should().Be("image/tiff");
    }

    [Fact]
    public async Task FaxToEmail_HylaFaxMailWithTiff_BecomesDraftWithTheSendersNumber()
    {
        var message = new MimeMessage { Subject = "Facsimile received from COMUNE DI PROVA" };
        message.From.Add(new MailboxAddress("HylaFAX", "fax@gateway.example.it"));
        var body = new BodyBuilder { TextBody = "Sender: COMUNE DI PROVA\nCallID1: 06 1234 5678\n" };
        body.Attachments.Add("fax00001.tif", File.ReadAllBytes(fixture.Scans.FaxFineG3), new ContentType("image", "tiff"));
        message.Body = body.ToMessageBody();
        var item = FaxMailItem(message, uid: 1);
        var normalizer = new FaxMailNormalizer(Archive(), fixture.Reader, Extractor(), NullLogger<FaxMailNormalizer>.Instance);

        var draft = await normalizer.NormalizeAsync(item, CancellationToken.None);

        draft.Sender.Fax.Should().Be("+390612345678");
        draft.Subject.Should().Contain("contributo per i danni");
        draft.Attachments.Should().ContainSingle().Which.ContentType.Should().Be("image/tiff");
    }

    [Fact]
    public async Task FaxToEmail_PagesOverMaxPagesAcrossItsAttachments_Refused()
    {
        var message = new MimeMessage { Subject = "Facsimile received from COMUNE DI PROVA" };
        message.From.Add(new MailboxAddress("HylaFAX", "fax@gateway.example.it"));
        var body = new BodyBuilder { TextBody = "Sender: COMUNE DI PROVA\n" };
        for (var i = 1; i <= 3; i++)
        {
            body.Attachments.Add($"fax0000{i}.tif", File.ReadAllBytes(fixture.Scans.FaxFineG3), new ContentType("image", "tiff"));
        }

        message.Body = body.ToMessageBody();
        var item = FaxMailItem(message, uid: 2);
        var normalizer = new FaxMailNormalizer(Archive(), fixture.Reader, Extractor(), NullLogger<FaxMailNormalizer>.Instance,
            Options.Create(new OcrOptions { MaxPages = 2 }));

        var act = () => normalizer.NormalizeAsync(item, CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*more than 2 pages in its attachments*MaxPages*");
    }

    [Fact]
    public async Task BatchScan_WithBlankSeparators_BecomesThreeDrafts()
    {
        Copy(fixture.Scans.BatchWithBlankSeparatorsTiff, "scanner", "lotto.tif");
        var item = (await StableItemsAsync(ScanFolder())).Single();

        var drafts = await PaperNormalizer().NormalizeAllAsync(item, CancellationToken.None);

        drafts.Select(d => d.SourceKey).Should().Equal(item.SourceKey, item.SourceKey + "#part2", item.SourceKey + "#part3");
        drafts.Select(d => d.Metadata["paper.pages"]).Should().Equal("1", "3", "5");
        drafts[0].Subject.Should().Be(ItalianLetters.FirstSubject);
        drafts[1].Subject.Should().Be("segnalazione di una frana sulla strada provinciale");
        drafts[2].Subject.Should().Be("disponibilità di volontari per l'esercitazione di giugno");
        drafts.Select(d => d.Sender.DisplayName).Should().Equal("Mario Rossi", "Giulia Bianchi", "Luca Verdi");
        drafts.Should().AllSatisfy(d => d.NeedsReview.Should().BeFalse());
    }

    private PaperNormalizer PaperNormalizer() => new(
        Archive(), fixture.Reader, Extractor(), Options.Create(new PaperOptions()), NullLogger<PaperNormalizer>.Instance);

    private IContentArchive Archive() => ContentArchives.InFolder(folder.Combine("archive"));

    private static PaperTextExtractor Extractor() => new(Options.Create(new OcrOptions()));

    private ScanFolderSource ScanFolder() => new(
        "posta",
        new ScanFolderChannelOptions { Type = "ScanFolder", Paths = [folder.Combine("scanner")], StableFor = StableFor },
        time,
        NullLogger<ScanFolderSource>.Instance);

    private string Copy(string fixturePath, params string[] relative)
    {
        var path = folder.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(fixturePath, path);
        return path;
    }

    private async Task<List<InboundItem>> StableItemsAsync(IInboundSource source)
    {
        await source.PollItemsAsync();
        time.Advance(StableFor);
        return await source.PollItemsAsync();
    }

    /// <summary>A fax gateway's mail as the IMAP source hands it over.</summary>
    private InboundItem FaxMailItem(MimeMessage message, int uid)
    {
        using var eml = new MemoryStream();
        message.WriteTo(eml);
        var bytes = eml.ToArray();
        return new InboundItem
        {
            SourceKey = $"imap:fax@example.it/INBOX/1/{uid}",
            ChannelName = "fax-mail",
            Channel = ChannelKind.Fax,
            ReceivedAt = time.GetUtcNow(),
            OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(bytes)),
            OriginalFileName = "message.eml",
            OriginalContentType = "message/rfc822",
        };
    }
}
