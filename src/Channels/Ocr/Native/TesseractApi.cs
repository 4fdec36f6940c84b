using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>
/// Tesseract's C API (<c>tesseract/capi.h</c>, 5.x). The logical name is mapped to the real file by
/// <see cref="OcrLibraryResolver"/>; signatures follow the header exactly (BOOL is int, C bool is one byte).
/// </summary>
internal static unsafe partial class TesseractApi
{
    public const string Library = "tesseract";

    [LibraryImport(Library)]
    public static partial nint TessVersion();

    [LibraryImport(Library)]
    public static partial void TessDeleteText(nint text);

    [LibraryImport(Library)]
    public static partial TessBaseApiHandle TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(nint handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(nint handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit2(TessBaseApiHandle handle, string? datapath, string language, int oem);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, TessMonitorHandle monitor);

    [LibraryImport(Library)]
    public static partial TessTextHandle TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    /// <summary>
    /// <paramref name="orientDeg"/> is the clockwise rotation the input image has. The script name it can return
    /// points into Tesseract's own tables in 5.3 (the header's "free with TessDeleteText" is wrong for it), so the
    /// optional outputs are passed as null.
    /// </summary>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIDetectOrientationScript(
        TessBaseApiHandle handle, out int orientDeg, out float orientConf, nint scriptName, nint scriptConf);

    /// <summary>The results iterator after Recognize (null when nothing was found); delete with <see cref="TessResultIteratorDelete"/>.</summary>
    [LibraryImport(Library)]
    public static partial nint TessBaseAPIGetIterator(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial nint TessResultIteratorGetPageIterator(nint resultIterator);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(nint resultIterator);

    /// <summary>Level 2 is RIL_TEXTLINE.</summary>
    [LibraryImport(Library)]
    public static partial int TessPageIteratorNext(nint pageIterator, int level);

    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(nint pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    [LibraryImport(Library)]
    public static partial TessMonitorHandle TessMonitorCreate();

    [LibraryImport(Library)]
    public static partial void TessMonitorDelete(nint monitor);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelFunc(TessMonitorHandle monitor, delegate* unmanaged<nint, int, byte> cancel);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetCancelThis(TessMonitorHandle monitor, nint cancelThis);

    [LibraryImport(Library)]
    public static partial void TessMonitorSetDeadlineMSecs(TessMonitorHandle monitor, int deadline);
}
