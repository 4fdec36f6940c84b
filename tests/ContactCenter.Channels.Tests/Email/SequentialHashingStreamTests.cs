using System.Security.Cryptography;
using ContactCenter.Channels.Email;

namespace ContactCenter.Channels.Tests.Email;

public sealed class SequentialHashingStreamTests
{
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(300_000);

    [Fact]
    public void Finish_SlicesReadInOrderWithGaps_WholeHashFromOneRead()
    {
        var inner = new ReadCountingStream(Content);
        using var stream = new SequentialHashingStream(inner);

        Read(stream, 1_000, 40_000);
        Read(stream, 90_000, 100_000);
        Read(stream, 250_000, 260_000);
        var (sha, length) = stream.Finish();

        (sha, length).Should().Be((Convert.ToHexStringLower(SHA256.HashData(Content)), Content.Length));
        inner.BytesRead.Should().Be(Content.Length, "every byte is read once: the gaps by the hashing, the slices by their reader");
    }

    [Fact]
    public void Finish_ReadBehindWhatWasHashed_HashedOnceAndReturnsTheRightBytes()
    {
        using var stream = new SequentialHashingStream(new MemoryStream(Content));

        Read(stream, 50_000, 80_000);
        Read(stream, 10_000, 20_000).Should().Equal(Content[10_000..20_000]);
        Read(stream, 70_000, 120_000).Should().Equal(Content[70_000..120_000]);

        stream.Finish().Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Content)));
    }

    [Fact]
    public void Read_PastTheEnd_NothingAndTheHashStillWhole()
    {
        using var stream = new SequentialHashingStream(new MemoryStream(Content));
        stream.Position = Content.Length + 10;

        stream.Read(new byte[100]).Should().Be(0);

        stream.Finish().Should().Be((Convert.ToHexStringLower(SHA256.HashData(Content)), (long)Content.Length));
    }

    private static byte[] Read(Stream stream, int start, int end)
    {
        stream.Position = start;
        var bytes = new byte[end - start];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private sealed class ReadCountingStream(byte[] content) : MemoryStream(content)
    {
        public long BytesRead { get; private set; }

        // A MemoryStream subclass reads spans through this overload too.
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = base.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
    }
}
