using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>An <c>ETEXT_DESC*</c> progress monitor: carries the per-page deadline and the cancel callback.</summary>
internal sealed class TessMonitorHandle : SafeHandle
{
    public TessMonitorHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        TesseractApi.TessMonitorDelete(handle);
        return true;
    }
}
