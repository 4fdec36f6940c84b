using ContactCenter.Channels.Ocr;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class PngFileTests
{
    [Fact]
    public async Task IsComplete_PdftoppmRendering_TrueWhole_FalseCutAnywhere()
    {
        using var work = new TempFolder();
        var pdf = Path.Combine(RepositoryPaths.Root, "tests", "ContactCenter.Fuzz", "seeds", "page", "06-text-layer.pdf");

        var png = await new PdfRasterizer(new OcrOptions()).RenderAsync(pdf, 1, work.Path, default);

        PngFile.IsComplete(png).Should().BeTrue();
        // What a full disk leaves (pdftoppm still exits 0): the file cut at a block boundary, or anywhere.
        foreach (var length in new[] { 8192, png.Length / 2, png.Length - 1, png.Length - 12 })
        {
            PngFile.IsComplete(png.AsSpan(0, length)).Should().BeFalse($"cut at {length} of {png.Length} bytes");
        }
    }
}
