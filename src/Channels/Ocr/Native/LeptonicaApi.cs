using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>
/// The part of Leptonica (<c>allheaders.h</c>, 1.82) the page reader needs. Functions returning a new PIX return an
/// owned <see cref="PixHandle"/> (invalid on failure); <c>size_t</c> parameters are <see cref="nuint"/>.
/// </summary>
internal static unsafe partial class LeptonicaApi
{
    public const string Library = "lept";

    /// <summary>Leptonica's L_SEVERITY_NONE: its error messages would only repeat what we report ourselves.</summary>
    public const int SeverityNone = 6;

    [LibraryImport(Library)]
    public static partial int setMsgSeverity(int newSeverity);

    [LibraryImport(Library)]
    public static partial PixHandle pixReadMem(byte* data, nuint size);

    [LibraryImport(Library)]
    public static partial PixHandle pixReadMemTiff(byte* data, nuint size, int n);

    [LibraryImport(Library)]
    public static partial int pixReadHeaderMem(
        byte* data, nuint size, out int format, out int width, out int height, out int bps, out int spp, out int isCmap);

    [LibraryImport(Library)]
    public static partial int readHeaderMemTiff(
        byte* data, nuint size, int n, out int width, out int height, out int bps, out int spp, out int res,
        out int cmap, out int format);

    /// <summary>Returns a <c>FILE*</c> over the buffer; close with <see cref="lept_fclose"/>.</summary>
    [LibraryImport(Library)]
    public static partial nint fopenReadFromMemory(byte* data, nuint size);

    [LibraryImport(Library)]
    public static partial int lept_fclose(nint file);

    [LibraryImport(Library)]
    public static partial int tiffGetCount(nint file, out int count);

    [LibraryImport(Library)]
    public static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetXRes(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetYRes(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(Library)]
    public static partial nint pixGetColormap(PixHandle pix);

    /// <summary>The same image with Leptonica's reference count raised: no pixels are copied.</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixClone(PixHandle pix);

    [LibraryImport(Library)]
    public static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    /// <summary>Rotates clockwise by <paramref name="quads"/> × 90 degrees.</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixRotateOrth(PixHandle pix, int quads);

    [LibraryImport(Library)]
    public static partial PixHandle pixScale(PixHandle pix, float scaleX, float scaleY);

    [LibraryImport(Library)]
    public static partial PixHandle pixConvertTo8(PixHandle pix, int cmapFlag);

    [LibraryImport(Library)]
    public static partial PixHandle pixConvertTo1(PixHandle pix, int threshold);

    /// <summary>Whether two images hold the same pixels (<paramref name="same"/> 1); 0 when compared, else 1.</summary>
    [LibraryImport(Library)]
    public static partial int pixEqual(PixHandle first, PixHandle second, out int same);

    /// <summary>8 bpp without a palette to 1 bpp: a pixel darker than <paramref name="threshold"/> is black.</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixThresholdToBinary(PixHandle pix, int threshold);

    /// <summary>The angle (degrees, clockwise positive) that straightens a 1 bpp page; 0 when found, else 1.</summary>
    [LibraryImport(Library)]
    public static partial int pixFindSkew(PixHandle pix, out float angle, out float confidence);

    /// <summary>Rotates by <paramref name="radians"/> clockwise, keeping the size (0 for width and height).</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixRotate(PixHandle pix, float radians, int type, int incolor, int width, int height);

    /// <summary>Any depth; returns a deskewed copy (or a clone when the skew is negligible or uncertain).</summary>
    [LibraryImport(Library)]
    public static partial PixHandle pixFindSkewAndDeskew(PixHandle pix, int reduction, out float angle, out float confidence);

    /// <summary>
    /// Bloomberg's ascender/descender count on a 1 bpp page of Roman text: <paramref name="upConfidence"/> is positive
    /// when the page is upright and negative when it is upside down; <paramref name="leftConfidence"/> the same after a
    /// quarter turn clockwise. 0 for <paramref name="minCount"/> takes Leptonica's default.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int pixOrientDetect(PixHandle pix, out float upConfidence, out float leftConfidence, int minCount, int debug);

    /// <summary>
    /// Leptonica's decision from <see cref="pixOrientDetect"/>'s confidences (0 for its default thresholds):
    /// <paramref name="orientation"/> 0 unknown, 1 upright, 2 to 4 the page needs 90, 180 or 270 degrees clockwise.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int makeOrientDecision(float upConfidence, float leftConfidence, float minUpConfidence, float minRatio, out int orientation, int debug);

    [LibraryImport(Library)]
    public static partial int pixCountPixels(PixHandle pix, out int count, nint table8);

    [LibraryImport(Library)]
    public static partial PixHandle pixClipRectangle(PixHandle pix, nint box, nint clippedBox);

    [LibraryImport(Library)]
    public static partial PixHandle pixOpenBrick(nint destination, PixHandle pix, int width, int height);

    [LibraryImport(Library)]
    public static partial nint boxCreate(int x, int y, int width, int height);

    [LibraryImport(Library)]
    public static partial void boxDestroy(ref nint box);

    [LibraryImport(Library)]
    public static partial void pixDestroy(ref nint pix);

    /// <summary>Word boxes of a 1 bpp page (meant for 75–150 ppi) and, for each, the index of its text line.</summary>
    [LibraryImport(Library)]
    public static partial int pixGetWordBoxesInTextlines(
        PixHandle pix, int minWidth, int minHeight, int maxWidth, int maxHeight, out nint boxes, out nint lineIndexes);

    [LibraryImport(Library)]
    public static partial int boxaGetCount(nint boxes);

    [LibraryImport(Library)]
    public static partial int boxaGetBoxGeometry(nint boxes, int index, out int x, out int y, out int width, out int height);

    [LibraryImport(Library)]
    public static partial void boxaDestroy(ref nint boxes);

    [LibraryImport(Library)]
    public static partial int numaGetIValue(nint numbers, int index, out int value);

    [LibraryImport(Library)]
    public static partial void numaDestroy(ref nint numbers);
}
