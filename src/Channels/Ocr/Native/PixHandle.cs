using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Ocr.Native;

/// <summary>A Leptonica <c>PIX*</c>; released with <c>pixDestroy</c>, which decrements Leptonica's own reference count.</summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public int Width => LeptonicaApi.pixGetWidth(this);

    public int Height => LeptonicaApi.pixGetHeight(this);

    public int XRes => LeptonicaApi.pixGetXRes(this);

    public int YRes => LeptonicaApi.pixGetYRes(this);

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        LeptonicaApi.pixDestroy(ref pix);
        return true;
    }
}
