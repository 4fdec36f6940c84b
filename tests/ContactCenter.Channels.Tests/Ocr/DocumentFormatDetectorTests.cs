using ContactCenter.Channels.Ocr;

namespace ContactCenter.Channels.Tests.Ocr;

public sealed class DocumentFormatDetectorTests
{
    [Theory]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0, 0, 0 }, "Tiff")]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8 }, "Tiff")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "Png")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "Jpeg")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "Pdf")]
    [InlineData(new byte[] { 0x0A, 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "Pdf")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04 }, "Unknown")]
    [InlineData(new byte[] { 0x49, 0x49 }, "Unknown")]
    public void Detect_ByMagicBytes(byte[] head, string expected)
    {
        DocumentFormatDetector.Detect(head).ToString().Should().Be(expected);
    }
}
