using System.Buffers.Binary;

namespace ContactCenter.Testing.Voice;

/// <summary>Small but real recordings, as a PBX attaches them to a voicemail notification.</summary>
public static class TestAudio
{
    /// <summary>
    /// A canonical WAV: 8 kHz, 16-bit, mono PCM (Asterisk's <c>wav</c> format), holding a 440 Hz tone for the duration.
    /// </summary>
    public static byte[] Wav(TimeSpan duration)
    {
        const int rate = 8000, bytesPerSample = 2;
        var samples = (int)(duration.TotalSeconds * rate);
        var data = samples * bytesPerSample;
        var wav = new byte[44 + data];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);                       // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);                       // mono
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), rate * bytesPerSample);   // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), bytesPerSample);          // block align
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), data);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * bytesPerSample)), sample);
        }

        return wav;
    }

    /// <summary>
    /// An MP3 as a PBX's lame wrapper makes it, in miniature: MPEG-1 Layer III frames at 32 kbps, 48 kHz, mono, each
    /// 96 bytes and 24 ms long. Their side information and main data are zero, which decoders play as silence.
    /// </summary>
    public static byte[] Mp3(TimeSpan duration)
    {
        const int frameBytes = 96;
        var frames = (int)Math.Round(duration.TotalMilliseconds / 24);
        var mp3 = new byte[frames * frameBytes];
        for (var f = 0; f < frames; f++)
        {
            // Sync + MPEG-1 + Layer III + no CRC; 32 kbps, 48 kHz, no padding; mono, original.
            ReadOnlySpan<byte> header = [0xFF, 0xFB, 0x14, 0xC4];
            header.CopyTo(mp3.AsSpan(f * frameBytes));
        }

        return mp3;
    }
}
