namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Whether a PNG file is whole. pdftoppm exits 0 even when the disk filled up under its output (measured: a page cut
/// at 8 KB on a full tmpfs), so a rendering is trusted only when it ends with the IEND chunk every PNG ends with.
/// </summary>
internal static class PngFile
{
    // Length 0, type "IEND", CRC of "IEND": the same 12 bytes closing every PNG.
    private static ReadOnlySpan<byte> End => [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];

    public static bool IsComplete(ReadOnlySpan<byte> png) => png.EndsWith(End);
}
