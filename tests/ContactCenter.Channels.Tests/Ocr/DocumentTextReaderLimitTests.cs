using ContactCenter.Core.Intake;
using ContactCenter.Testing;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Channels.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class DocumentTextReaderLimitTests(OcrFixture fixture)
{
    [Fact]
    public async Task Read_ZeroByteFile_IsRejected()
    {
        var act = () => fixture.Reader.ReadAsync(new MemoryStream(), "empty.tif", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*empty file (0 bytes)*");
    }

    [Fact]
    public async Task Read_UnknownFormat_IsRejectedWithReason()
    {
        var act = () => fixture.Reader.ReadAsync(new MemoryStream("just some text"u8.ToArray()), "letter.tif", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*not a TIFF, PNG, JPEG or PDF*");
    }

    [Fact]
    public async Task Read_PngDeclaring100000By100000Pixels_IsRejectedBeforeDecoding()
    {
        var png = HostileDocuments.PngDeclaring(100_000, 100_000);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(png), "bomb.png", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*100000×100000 pixels*ContactCenter:Ocr:MaxPixelsPerPage*");
    }

    [Fact]
    public async Task Read_PngWithoutImageData_IsRejectedAsCorrupt()
    {
        var png = HostileDocuments.PngDeclaring(2000, 2000);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(png), "truncated.png", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("corrupt Png image: page 1 cannot be decoded");
    }

    [Fact]
    public async Task Read_PngWhoseTextChunkDeclaresTwoGigabytes_IsRejectedAsCorrupt()
    {
        // Found by the page fuzzer: libpng allocated and touched what the chunk declared (2.1 GB) before reading on.
        var png = HostileDocuments.PngWithChunk(
            await File.ReadAllBytesAsync(fixture.Scans.Letter300Png), "tEXt", "date:modify\02026-11-29"u8.ToArray(), declaredLength: 0x7F00_0025);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(png), "scan.png", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("corrupt Png image: its tEXt chunk declares 2130706469 bytes*");
    }

    [Fact]
    public async Task Read_PngWithTextAndProfileChunks_ReadsTheLetter()
    {
        var png = await File.ReadAllBytesAsync(fixture.Scans.Letter300Png);
        foreach (var (type, data) in new[] { ("tEXt", "Comment\0scansione"u8.ToArray()), ("zTXt", "Comment\0\0x"u8.ToArray()), ("iCCP", "icc\0\0x"u8.ToArray()) })
        {
            png = HostileDocuments.PngWithChunk(png, type, data);
        }

        var document = await fixture.Reader.ReadAsync(new MemoryStream(png), "scan.png", CancellationToken.None);

        TextAccuracy.Of(ScanFixtures.LetterText, document.Pages.Single().Text).Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public async Task Read_TinyImage_IsRejected()
    {
        var png = HostileDocuments.PngDeclaring(4, 4);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(png), "icon.png", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("page 1 is 4×4 pixels, too small*");
    }

    [Fact]
    public async Task Read_TiffWithBadOffsets_IsRejectedAsCorrupt()
    {
        var tiff = HostileDocuments.TiffWithBadOffsets(await File.ReadAllBytesAsync(fixture.Scans.FaxFineG4));

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(tiff), "fax.tif", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*corrupt*");
    }

    [Fact]
    public async Task Read_PdfWithThousandsOfPages_IsRejectedBeforeRendering()
    {
        var pdf = HostileDocuments.PdfWithEmptyPages(5000);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(pdf), "huge.pdf", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("5000 pages*ContactCenter:Ocr:MaxPages (200)*");
    }

    [Fact]
    public async Task Read_PdfPageTooLargeToRender_IsRejectedBeforeRendering()
    {
        var pdf = HostileDocuments.PdfWithHugePage(200);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(pdf), "poster.pdf", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("page 1 is 60000×60000 pixels*MaxPixelsPerPage*");
    }

    [Fact]
    public async Task Read_PdfWithAPageTreeNested50000Deep_ReadOutOfProcess_TheServiceLives()
    {
        // In process, PdfPig recursed once per level and overflowed the stack, which .NET cannot catch: the test host
        // (the service) died, and again at each restart on the same file. Poppler reads it in its own process.
        var pdf = HostileDocuments.PdfWithDeepPageTree(50_000);

        var document = await fixture.Reader.ReadAsync(new MemoryStream(pdf), "albero.pdf", CancellationToken.None);

        document.Pages.Should().ContainSingle().Which.IsBlank.Should().BeTrue();
    }

    [Fact]
    public async Task Read_PdfCropBoxA4OnAHugeMediaBox_RendersTheCropBox_NotThePoster()
    {
        var pdf = HostileDocuments.PdfWithSmallCropOnHugeMedia(6000);

        var document = await fixture.Reader.ReadAsync(new MemoryStream(pdf), "ritaglio.pdf", CancellationToken.None);

        document.Pages.Should().ContainSingle().Which.IsBlank.Should().BeTrue("the empty A4 crop box was read, within the pixel limit");
    }

    [Fact]
    public async Task Read_JpegWithThousandsOfScans_RefusedBeforeDecoding()
    {
        var jpeg = HostileDocuments.JpegWithScans(20_000);

        var act = () => fixture.Reader.ReadAsync(new MemoryStream(jpeg), "scansione.jpg", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("JPEG with more than 100 scans*");
    }

    [Fact]
    public async Task Read_CorruptPdf_IsRejected()
    {
        var act = () => fixture.Reader.ReadAsync(new MemoryStream("%PDF-1.7\n1 0 obj <<< broken"u8.ToArray()), "x.pdf", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("corrupt PDF*");
    }

    [Fact]
    public async Task Read_TiffWithMorePagesThanAllowed_IsRejected()
    {
        var reader = fixture.ReaderWith(o => o.MaxPages = 2);

        var act = () => fixture.ReadAsync(fixture.Scans.MultiPageTiff, reader);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("3 pages*ContactCenter:Ocr:MaxPages (2)*");
    }

    [Fact]
    public async Task Read_LaterPageOverPixelLimit_RejectsDocumentAndReturnsTheEngines()
    {
        using var folder = new TempDirectory();
        var path = folder.Combine("big-second-page.tif");
        ExternalTool.Run("convert", fixture.Scans.Letter300Png, "-size", "4000x4000", "xc:white", "-type", "bilevel", "-compress", "Group4", path);
        var reader = fixture.ReaderWith(o => o.MaxPixelsPerPage = 10_000_000);

        var act = () => fixture.ReadAsync(path, reader);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("page 2 is 4000×4000 pixels*MaxPixelsPerPage (10,000,000)*");
        using var lease = await reader.Pool.RentAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        lease.Engine.Should().NotBeNull();
    }

    [Fact]
    public async Task Read_FileOverSizeLimit_IsRejectedWithoutReadingItAll()
    {
        var reader = fixture.ReaderWith(o => o.MaxFileBytes = 10_000);

        var act = () => fixture.ReadAsync(fixture.Scans.Letter300Png, reader);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*ContactCenter:Ocr:MaxFileBytes (10,000 bytes)*");
    }

    [Fact]
    public async Task Read_NonSeekableStreamOverSizeLimit_IsRejected()
    {
        var reader = fixture.ReaderWith(o => o.MaxFileBytes = 10_000);
        await using var file = File.OpenRead(fixture.Scans.Letter300Png);
        await using var pipe = new BufferedStream(new NonSeekableStream(file));

        var act = () => reader.ReadAsync(pipe, "letter.png", CancellationToken.None);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("*MaxFileBytes*");
    }

    [Fact]
    public async Task Read_PageOverTimeLimit_IsRejectedNamingTheLimit()
    {
        var reader = fixture.ReaderWith(o => o.MaxOcrTimePerPage = TimeSpan.FromMilliseconds(1));

        var act = () => fixture.ReadAsync(fixture.Scans.Letter300Png, reader);

        await act.Should().ThrowAsync<InboundItemRejectedException>().WithMessage("page 1: OCR took longer than ContactCenter:Ocr:MaxOcrTimePerPage*");
    }

    [Fact]
    public async Task Read_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        await using var file = File.OpenRead(fixture.Scans.Letter300Png);

        var act = () => fixture.Reader.ReadAsync(file, "letter.png", cancel.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }
}
