using System.Text;
using ContactCenter.Channels.Email.Salvage;

namespace ContactCenter.Channels.Tests.Email.Salvage;

/// <summary>The vectorised count of clean chunks must give what a byte-by-byte count gives, clean or not.</summary>
public sealed class Base64ScanTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(200_000, 0)]
    [InlineData(200_000, 1)]
    [InlineData(200_000, 500)]
    [InlineData(1_000, 37)]
    public void Of_CleanAndDirtyParts_CountsLikeAByteByByteScan(int length, int dirty)
    {
        var random = new Random(length + dirty);
        var bytes = Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomBytes(random, length), Base64FormattingOptions.InsertLineBreaks));
        byte[] noise = [(byte)' ', (byte)'\t', (byte)'-', (byte)'*', 0xE8, (byte)'='];
        for (var i = 0; i < dirty && bytes.Length > 0; i++)
        {
            bytes[random.Next(bytes.Length)] = noise[random.Next(noise.Length)];
        }

        using var stream = new MemoryStream(bytes);
        stream.Position = 17 % Math.Max(1, bytes.Length);

        var scan = Base64Scan.Of(stream);

        scan.Should().Be(Reference(bytes));
        stream.Position.Should().Be(0, "the part is read again after the scan");
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Base64Scan Reference(byte[] bytes) => new(
        bytes.LongCount(b => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/'),
        bytes.LongCount(b => b == '='),
        bytes.LongCount(b => !(char.IsAsciiLetterOrDigit((char)b) || b is (byte)'+' or (byte)'/' or (byte)'=' or (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t')),
        bytes.LongCount(b => b is (byte)' ' or (byte)'\t'));
}
