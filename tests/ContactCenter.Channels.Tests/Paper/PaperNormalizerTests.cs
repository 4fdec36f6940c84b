using System.Text;
using ContactCenter.Channels.Ocr;
using ContactCenter.Channels.Paper;
using ContactCenter.Core.Intake;
using ContactCenter.Core.Storage;
using ContactCenter.Core.Tickets;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ContactCenter.Channels.Tests.Paper.TestPages;

namespace ContactCenter.Channels.Tests.Paper;

public sealed class PaperNormalizerTests : IDisposable
{
    private static readonly byte[] FileBytes = Encoding.ASCII.GetBytes("II*\0 pretend tiff bytes");
    private readonly TempDirectory folder = new("cc-paper");

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task NormalizeAll_BatchWithBlankSeparators_OneDraftPerLetterWithPartKeys()
    {
        var reader = new FixedTextReader(
            Page(1, "Oggetto: frana a Tivoli\nDistinti saluti\nMario Rossi"), Page(2, ""),
            Page(3, "Oggetto: albero caduto\nIn fede\nLucia Bianchi"), Page(4, "seguito"), Page(5, ""),
            Page(6, "Oggetto: allagamento cantina"));
        var item = Item(ChannelKind.Postal, "lotto.tif", new() { ["read.splitOnBlankPages"] = "true", ["scan.folder"] = "urgenze" });

        var drafts = await Normalizer(reader).NormalizeAllAsync(item, CancellationToken.None);

        drafts.Select(d => d.SourceKey).Should().Equal("file:posta/abc", "file:posta/abc#part2", "file:posta/abc#part3");
        drafts.Select(d => d.Subject).Should().Equal("frana a Tivoli", "albero caduto", "allagamento cantina");
        drafts[1].Sender.DisplayName.Should().Be("Lucia Bianchi");
        drafts[1].TextBody.Should().Be("Oggetto: albero caduto\nIn fede\nLucia Bianchi\n\n--- pagina 2 ---\n\nseguito");
        drafts[1].Metadata.Should().Contain("paper.part", "2/3").And.Contain("paper.pages", "3-4").And.NotContainKey("read.splitOnBlankPages");
        drafts.Should().AllSatisfy(d =>
        {
            d.CategoryHint.Should().Be("urgenze");
            d.NeedsReview.Should().BeFalse();
            d.Original!.Sha256.Should().Be(drafts[0].Original!.Sha256);
        });
    }

    [Fact]
    public async Task Normalize_ArchivesOriginalByteForByteAndReadsIt()
    {
        var reader = new FixedTextReader(Page(1, Letter, 88));
        var archive = ContentArchives.InFolder(folder.Combine("archive"));

        var draft = await Normalizer(reader, archive).NormalizeAsync(Item(ChannelKind.Postal, "lettera.pdf"), CancellationToken.None);

        using var archived = new MemoryStream();
        await archive.OpenRead(draft.Original!.Sha256).CopyToAsync(archived);
        archived.ToArray().Should().Equal(FileBytes);
        draft.Original.FileName.Should().Be("lettera.pdf");
        draft.Original.ContentType.Should().Be("application/pdf");
        reader.Reads.Should().ContainSingle().Which.Bytes.Should().Equal(FileBytes);
        draft.ReplyAddress.Should().Be("mario.rossi@example.it");
        draft.Sender.Should().BeEquivalentTo(new Party
        {
            DisplayName = "Mario Rossi",
            Email = "mario.rossi@example.it",
            Phone = "+390645678901",
            Fax = "+390645678902",
            PostalAddress = "Via Giuseppe Garibaldi, 12, 00184 Roma (RM)",
            FiscalCode = "RSSMRA80A01H501U",
        });
        draft.OcrConfidence.Should().Be(88);
        draft.PageConfidences.Should().Equal(88);
        draft.Language.Should().Be("it");
        draft.Metadata.Should().Contain("paper.cap", "00184").And.Contain("paper.town", "Roma").And.Contain("paper.province", "RM");
    }

    [Fact]
    public async Task Normalize_Fax_CallerIdBecomesFaxNumberAndTsiTheName()
    {
        var reader = new FixedTextReader(Page(1, "Si segnala strada interrotta.", 45));
        var item = Item(ChannelKind.Fax, "fax00012.tif", new() { ["fax.tsi"] = "COMUNE DI PROVA", ["fax.callerId"] = "06 1234 5678" });

        var draft = await Normalizer(reader).NormalizeAsync(item, CancellationToken.None);

        draft.Sender.Fax.Should().Be("+390612345678");
        draft.Sender.DisplayName.Should().Be("COMUNE DI PROVA");
        draft.ReplyAddress.Should().BeNull();
        draft.NeedsReview.Should().BeTrue();
        draft.ReviewReason.Should().Contain("sotto la soglia di 60");
        draft.Metadata.Should().Contain("fax.tsi", "COMUNE DI PROVA");
    }

    [Fact]
    public async Task Normalize_NothingReadable_FallbackNamesTheFaxAndTheDraftHasNoTextToClassify()
    {
        var draft = await Normalizer(new FixedTextReader(Page(1, "", 0)))
            .NormalizeAsync(Item(ChannelKind.Fax, "fax1.tif", new() { ["fax.tsi"] = "0612345678" }), CancellationToken.None);

        draft.Subject.Should().Be("Fax da +390612345678");
        draft.NeedsReview.Should().BeTrue();
        draft.TextUnavailable.Should().Be("nessuna pagina con testo leggibile", "\"Fax da ...\" is the service's subject, not the sender's words");
    }

    [Fact]
    public async Task Normalize_OverTheChannelsMaxBytes_Rejected()
    {
        var act = () => Normalizer(new FixedTextReader(Page(1, "x")))
            .NormalizeAsync(Item(ChannelKind.Postal, "grande.pdf", new() { ["read.maxBytes"] = "10" }), CancellationToken.None);

        (await act.Should().ThrowAsync<InboundItemRejectedException>()).WithMessage("*more than the channel's limit of 10 (Channels:*:MaxFileBytes)*");
    }

    [Fact]
    public async Task NormalizeAll_MorePartsThanAllowed_Rejected()
    {
        var pages = Enumerable.Range(1, 7).Select(n => Page(n, n % 2 == 1 ? "lettera" : "")).ToArray();
        var normalizer = Normalizer(new FixedTextReader(pages), options: new PaperOptions { MaxPartsPerFile = 3 });

        var act = () => normalizer.NormalizeAllAsync(Item(ChannelKind.Postal, "x.pdf", new() { ["read.splitOnBlankPages"] = "true" }), CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*4 letters*");
    }

    [Theory]
    [InlineData(ChannelKind.Postal, "scan.pdf", "application/pdf", true)]
    [InlineData(ChannelKind.Fax, "fax1.tif", "image/tiff", true)]
    [InlineData(ChannelKind.Postal, "foto.JPG", "application/octet-stream", true)]
    [InlineData(ChannelKind.Fax, "fax.eml", "message/rfc822", false)]
    [InlineData(ChannelKind.Email, "scan.pdf", "application/pdf", false)]
    [InlineData(ChannelKind.Postal, "note.txt", "text/plain", false)]
    public void CanNormalize_PaperChannelsAndDocumentFilesOnly(ChannelKind channel, string name, string type, bool expected) =>
        Normalizer(new FixedTextReader()).CanNormalize(Item(channel, name, contentType: type)).Should().Be(expected);

    private PaperNormalizer Normalizer(FixedTextReader reader, IContentArchive? archive = null, PaperOptions? options = null)
    {
        var paperOptions = Options.Create(options ?? new PaperOptions());
        return new PaperNormalizer(
            archive ?? ContentArchives.InFolder(folder.Combine("archive")), reader, new PaperTextExtractor(Options.Create(new OcrOptions())),
            paperOptions, NullLogger<PaperNormalizer>.Instance);
    }

    private static InboundItem Item(
        ChannelKind channel, string name, Dictionary<string, string>? metadata = null, string? contentType = null) => new()
    {
        SourceKey = "file:posta/abc",
        ChannelName = "posta",
        Channel = channel,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        OpenAsync = _ => ValueTask.FromResult<Stream>(new MemoryStream(FileBytes)),
        Length = FileBytes.Length,
        OriginalFileName = name,
        OriginalContentType = contentType ?? PaperContentTypes.FromFileName(name) ?? "application/octet-stream",
        Metadata = metadata ?? [],
    };
}
