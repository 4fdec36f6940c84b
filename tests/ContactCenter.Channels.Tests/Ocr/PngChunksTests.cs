using System.Text;
using ContactCenter.Channels.Ocr;
using ContactCenter.Core.Intake;
using ContactCenter.Testing.Scans;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class PngChunksTests
{
    [Fact]
    public void Essential_PngWithAncillaryChunks_KeepsCriticalTransparencyAndResolutionOnly()
    {
        var png = HostileDocuments.PngDeclaring(100, 100);
        foreach (var type in new[] { "pHYs", "tEXt", "zTXt", "gAMA", "iCCP", "tRNS" })
        {
            png = HostileDocuments.PngWithChunk(png, type, Encoding.ASCII.GetBytes($"{type} data"));
        }

        var essential = PngChunks.Essential([.. png, .. "trailing junk"u8]);

        var expected = HostileDocuments.PngWithChunk(
            HostileDocuments.PngWithChunk(HostileDocuments.PngDeclaring(100, 100), "pHYs", "pHYs data"u8.ToArray()), "tRNS", "tRNS data"u8.ToArray());
        essential.Should().Equal(expected, "the kept chunks are copied whole, in order, CRC included");
        PngChunks.Essential(essential).Should().BeSameAs(essential, "with nothing to drop the file is not copied");
    }

    [Fact]
    public void Essential_TextChunkDeclaringTwoGigabytes_IsRejectedAsCorrupt()
    {
        var png = HostileDocuments.PngWithChunk(HostileDocuments.PngDeclaring(100, 100), "tEXt", "date:modify\02026"u8.ToArray(), declaredLength: 0x7F00_0025);

        var act = () => PngChunks.Essential(png);

        act.Should().Throw<InboundItemRejectedException>().WithMessage("corrupt Png image: its tEXt chunk declares 2130706469 bytes, the file holds * more");
    }

    [Fact]
    public void Essential_OversizedChunkWithControlCharactersForAType_NamedInHex()
    {
        var png = HostileDocuments.PngWithChunk(HostileDocuments.PngDeclaring(100, 100), "\n\r\u001b[", [1, 2, 3], declaredLength: 1_000_000);

        var act = () => PngChunks.Essential(png);

        act.Should().Throw<InboundItemRejectedException>().WithMessage("corrupt Png image: its 0x0A0D1B5B chunk declares 1000000 bytes*");
    }

    [Fact]
    public void Essential_CutInsideAChunkHeader_IsRejectedAsCorrupt()
    {
        var png = HostileDocuments.PngDeclaring(100, 100);

        var act = () => PngChunks.Essential(png[..^6]);

        act.Should().Throw<InboundItemRejectedException>().WithMessage("corrupt Png image: it ends 6 bytes into a chunk header");
    }
}
