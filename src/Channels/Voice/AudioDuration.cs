using System.Buffers.Binary;

namespace ContactCenter.Channels.Voice;

/// <summary>
/// How long a recording lasts, read from its own bytes: WAV from its <c>fmt </c> byte rate and <c>data</c> size (PCM
/// and Asterisk's GSM-in-WAV alike), MP3 from its first frame's bit rate over the audio bytes (constant bit rate, as
/// PBXs encode), raw GSM at 1,650 bytes a second. Null when the format is not one of these or the header is broken.
/// </summary>
internal static class AudioDuration
{
    private const int GsmBytesPerSecond = 1650;

    private static readonly int[] Mpeg1Layer3Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 0];
    private static readonly int[] Mpeg2Layer3Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160, 0];

    public static TimeSpan? Measure(ReadOnlySpan<byte> audio, string contentType) => contentType switch
    {
        VoicemailAudio.Wav => Wav(audio),
        VoicemailAudio.Mp3 => Mp3(audio),
        VoicemailAudio.Gsm => TimeSpan.FromSeconds((double)audio.Length / GsmBytesPerSecond),
        _ => null,
    };

    private static TimeSpan? Wav(ReadOnlySpan<byte> wav)
    {
        uint byteRate = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 12 <= wav.Length)
            {
                byteRate = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                // A recorder that never went back to write the size leaves 0 or 0xFFFFFFFF: the bytes present count.
                var present = (uint)(wav.Length - body);
                var data = size == 0 || size > present ? present : size;
                return byteRate == 0 ? null : TimeSpan.FromSeconds((double)data / byteRate);
            }

            // Sizes are counted in long: a chunk declared near 2 GiB would overflow an int offset into a negative one.
            var next = (long)body + size + (size & 1);
            if (next + 8 > wav.Length)
            {
                // The declared chunk runs past the end: no data chunk follows it, so the duration is unknown.
                break;
            }

            offset = (int)next;
        }

        return null;
    }

    private static TimeSpan? Mp3(ReadOnlySpan<byte> mp3)
    {
        var offset = 0;
        if (mp3.Length >= 10 && mp3[..3].SequenceEqual("ID3"u8))
        {
            // ID3v2 size: four 7-bit bytes ("synchsafe"), after the 10-byte header.
            offset = 10 + ((mp3[6] & 0x7F) << 21 | (mp3[7] & 0x7F) << 14 | (mp3[8] & 0x7F) << 7 | (mp3[9] & 0x7F));
        }

        for (; offset + 4 <= mp3.Length; offset++)
        {
            if (mp3[offset] != 0xFF || (mp3[offset + 1] & 0xE0) != 0xE0)
            {
                continue;
            }

            var version = (mp3[offset + 1] >> 3) & 0x3;   // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
            var layer = (mp3[offset + 1] >> 1) & 0x3;     // 1: Layer III
            var bitrateIndex = mp3[offset + 2] >> 4;
            if (version == 1 || layer != 1)
            {
                continue;
            }

            var kbps = (version == 3 ? Mpeg1Layer3Kbps : Mpeg2Layer3Kbps)[bitrateIndex];
            if (kbps == 0)
            {
                continue;
            }

            return TimeSpan.FromSeconds((mp3.Length - offset) * 8.0 / (kbps * 1000));
        }

        return null;
    }
}
