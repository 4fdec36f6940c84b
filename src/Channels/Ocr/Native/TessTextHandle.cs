using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>A <c>char*</c> allocated by Tesseract (UTF-8 text, script name); freed with <c>TessDeleteText</c>.</summary>
internal sealed class TessTextHandle : SafeHandle
{
    public TessTextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public string ReadUtf8() => IsInvalid ? string.Empty : Marshal.PtrToStringUTF8(handle) ?? string.Empty;

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessDeleteText(handle);
        return true;
    }
}
