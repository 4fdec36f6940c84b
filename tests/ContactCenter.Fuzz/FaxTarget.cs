using System.Text;
using ContactCenter.Channels.Fax;

namespace ContactCenter.Fuzz;

/// <summary>
/// What the fax channels read of who sent a fax and when, before OCR. A TIFF (by its magic bytes) goes through
/// <see cref="FaxTiffTagReader"/> (the first image directory and its HylaFAX ImageDescription and DateTime tags);
/// anything else is a gateway's sidecar, read both as JSON and as faxinfo's "Key: value" lines, and as a fax-to-e-mail
/// subject and body. None of them may throw on any input: the readers return what they could read. (The spool also
/// catches what the TIFF read throws, as a last net, but an exception there is still a bug; the sidecar readers have
/// no net, and their exception would fail every poll of the spool on the same file.) Every exception is a crash.
/// </summary>
internal sealed class FaxTarget : IFuzzTarget
{
    // East of UTC, with daylight saving: the zone whose edges (year 1, the DST gap) once threw out of a poll.
    private static readonly TimeZoneInfo GatewayZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome");

    public void Run(byte[] input)
    {
        if (input is [(byte)'I', (byte)'I', .. ] or [(byte)'M', (byte)'M', ..])
        {
            _ = FaxTiffTagReader.Read(new MemoryStream(input, writable: false), GatewayZone);
            return;
        }

        var text = Encoding.UTF8.GetString(input);
        _ = FaxSidecarReader.ReadJson(text, GatewayZone);
        _ = FaxSidecarReader.ReadKeyValue(text, GatewayZone);
        var firstLine = text.IndexOf('\n') is var end and >= 0 ? text[..end] : text;
        _ = FaxMailSenderParser.Parse(firstLine, text);
    }

    public void Dispose()
    {
    }
}
