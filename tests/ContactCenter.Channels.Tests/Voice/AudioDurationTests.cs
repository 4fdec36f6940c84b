using ContactCenter.Channels.Voice;
using ContactCenter.Testing.Voice;

namespace ContactCenter.Channels.Tests.Voice;

public sealed class AudioDurationTests
{
    [Fact]
    public void Measure_Wav_FromByteRateAndDataSize() =>
        AudioDuration.Measure(TestAudio.Wav(TimeSpan.FromSeconds(4.5)), VoicemailAudio.Wav).Should().Be(TimeSpan.FromSeconds(4.5));

    [Fact]
    public void Measure_WavWhoseSizeWasNeverWritten_CountsTheBytesPresent()
    {
        var wav = TestAudio.Wav(TimeSpan.FromSeconds(2));
        BitConverter.TryWriteBytes(wav.AsSpan(40), uint.MaxValue);

        AudioDuration.Measure(wav, VoicemailAudio.Wav).Should().Be(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData(0xF0, 0xFF, 0xFF, 0x7F)]
    [InlineData(0xFF, 0xFF, 0xFF, 0xFF)]
    public void Measure_WavWithChunkDeclaredNear2GiBBeforeData_UnknownNotThrown(byte b0, byte b1, byte b2, byte b3)
    {
        // A broken or hostile recording must become a ticket with an unknown duration, not a quarantined voicemail.
        var wav = TestAudio.Wav(TimeSpan.FromSeconds(4));
        byte[] list = [.. "LIST"u8, b0, b1, b2, b3, 0, 0, 0, 0];
        byte[] hostile = [.. wav.AsSpan(0, 12), .. list, .. wav.AsSpan(12)];

        var measure = () => AudioDuration.Measure(hostile, VoicemailAudio.Wav);

        measure.Should().NotThrow().Which.Should().BeNull();
    }

    [Fact]
    public void Measure_Mp3_FromTheFirstFramesBitRate()
    {
        var mp3 = TestAudio.Mp3(TimeSpan.FromSeconds(12));
        byte[] tagged = [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 10, .. new byte[10], .. mp3];

        AudioDuration.Measure(mp3, VoicemailAudio.Mp3).Should().Be(TimeSpan.FromSeconds(12));
        AudioDuration.Measure(tagged, VoicemailAudio.Mp3).Should().Be(TimeSpan.FromSeconds(12), "the ID3 tag is skipped");
    }

    [Fact]
    public void Measure_BrokenOrUnknown_IsNull()
    {
        AudioDuration.Measure("RIFF\0\0\0\0WAVE"u8.ToArray(), VoicemailAudio.Wav).Should().BeNull();
        AudioDuration.Measure(new byte[100], VoicemailAudio.Mp3).Should().BeNull();
        AudioDuration.Measure(new byte[100], "audio/ogg").Should().BeNull();
    }

    [Fact]
    public void ContentType_IsDecidedByTheBytes()
    {
        VoicemailAudio.ContentType(TestAudio.Wav(TimeSpan.FromSeconds(1)), "msg0000.mp3", "application/octet-stream").Should().Be("audio/wav");
        VoicemailAudio.ContentType(TestAudio.Mp3(TimeSpan.FromSeconds(1)), "x.bin", "audio/x-wav").Should().Be("audio/mpeg");
        VoicemailAudio.ContentType(new byte[8], "msg0000.gsm", "application/octet-stream").Should().Be("audio/x-gsm");
    }
}
