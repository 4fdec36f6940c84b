using ContactCenter.Core.Intake;

namespace ContactCenter.Channels.Ocr;

/// <summary>
/// Counts a JPEG's scans (start-of-scan markers) before it is decoded. A progressive JPEG carries about ten; one that
/// repeats a tiny scan 20,000 times (1.4 MB) took libjpeg 60 s to decode on the poll's thread, where no time limit
/// reaches native code, and a file at the size limit would hold a channel for over an hour.
/// </summary>
internal static class JpegScans
{
    /// <summary>Far above any real encoder's (libjpeg's progressive default has 10, mozjpeg's up to about 60).</summary>
    public const int Max = 100;

    public static void Require(ReadOnlySpan<byte> data)
    {
        // 0xFF 0xDA cannot occur inside entropy-coded data (a 0xFF there is followed by 0x00 or a restart marker).
        var scans = 0;
        for (var i = data.IndexOf((byte)0xFF); i >= 0 && i < data.Length - 1; i = NextMarker(data, i + 1))
        {
            if (data[i + 1] == 0xDA && ++scans > Max)
            {
                throw new InboundItemRejectedException($"JPEG with more than {Max} scans: not a scan a scanner makes, and slow to decode without end");
            }
        }
    }

    private static int NextMarker(ReadOnlySpan<byte> data, int from)
    {
        var next = data[from..].IndexOf((byte)0xFF);
        return next < 0 ? -1 : from + next;
    }
}
