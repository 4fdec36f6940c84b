using ContactCenter.Core.Intake;
using MimeKit;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// The recordings of a voicemail notification: parts of type <c>audio/*</c>, or named like one (a PBX may send
/// <c>msg0000.WAV</c> as <c>application/octet-stream</c>). The stored type is decided by the bytes, not the sender.
/// </summary>
internal static class VoicemailAudio
{
    public const string Wav = "audio/wav";
    public const string Mp3 = "audio/mpeg";
    public const string Gsm = "audio/x-gsm";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".wav"] = Wav, [".mp3"] = Mp3, [".gsm"] = Gsm, [".ogg"] = "audio/ogg", [".opus"] = "audio/ogg", [".m4a"] = "audio/mp4",
        [".amr"] = "audio/amr",
    };

    public static IReadOnlyList<MimePart> Select(MimeMessage message) =>
        message.BodyParts.OfType<MimePart>().Where(IsAudio).ToList();

    public static string FileName(MimePart part) => SafeFileName.From(part.FileName, "messaggio-vocale" + DefaultExtension(part));

    /// <summary>The type the bytes show (RIFF/WAVE, an ID3 tag or MPEG frame sync), else by extension, else as declared.</summary>
    public static string ContentType(ReadOnlySpan<byte> head, string fileName, string declared)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return Wav;
        }

        if ((head.Length >= 3 && head[..3].SequenceEqual("ID3"u8)) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            return Mp3;
        }

        return ByExtension.GetValueOrDefault(Path.GetExtension(fileName)) ?? declared;
    }

    private static bool IsAudio(MimePart part) =>
        part.ContentType.MediaType.Equals("audio", StringComparison.OrdinalIgnoreCase)
        || ByExtension.ContainsKey(Path.GetExtension(part.FileName ?? ""));

    private static string DefaultExtension(MimePart part) => part.ContentType.MimeType.ToLowerInvariant() switch
    {
        "audio/mpeg" or "audio/mp3" => ".mp3",
        "audio/x-gsm" or "audio/gsm" => ".gsm",
        _ => ".wav",
    };
}
