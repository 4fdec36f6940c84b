using System.Buffers.Binary;
using ContactCenter.Channels.Fax;
using ContactCenter.Channels.Tests.Email;
using ContactCenter.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>libtiff's own complaints about a malformed fax reach the service's log (event 1590/1591), not raw stderr.</summary>
public sealed class LibTiffMessagesTests : IDisposable
{
    private readonly TempDirectory root = new("cc-libtiff");
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => root.Dispose();

    [Fact]
    public async Task Poll_TiffWithAnUnknownTag_LibTiffWarningIsLogged_AndNothingGoesToStandardError()
    {
        var spool = Directory.CreateDirectory(root.Combine("recvq")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(spool, "fax00099.tif"), TiffWithUnknownTag());
        File.SetLastWriteTimeUtc(Path.Combine(spool, "fax00099.tif"), new DateTime(2026, 3, 14, 7, 0, 0, DateTimeKind.Utc));
        var logger = new RecordingLogger();
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            var options = new FaxSpoolChannelOptions { Type = "FaxSpool", Path = spool, StableFor = TimeSpan.Zero };
            var items = await new FaxSpoolSource("fax", options, time, logger).PollItemsAsync();
            items.Should().ContainSingle("a TIFF libtiff complains about is still taken (and judged by the reader)");
        }
        finally
        {
            Console.SetError(original);
        }

        logger.Entries.Should().Contain(e => e.Id.Id == 1590 && e.Level == LogLevel.Warning
            && e.Message.Contains("65000", StringComparison.Ordinal) && e.Message.Contains("fax00099.tif", StringComparison.Ordinal));
        stderr.ToString().Should().NotContain("65000");
    }

    /// <summary>A valid 8×1 bilevel TIFF whose directory carries private tag 65000, which libtiff does not know.</summary>
    private static byte[] TiffWithUnknownTag()
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 3, 8), (257, 3, 1), (258, 3, 1), (259, 3, 1), (262, 3, 0), (273, 4, 0), (278, 3, 1), (279, 4, 1), (65000, 3, 7),
        ];
        var dataOffset = 8 + 2 + (entries.Length * 12) + 4;
        var bytes = new byte[dataOffset + 1];
        "II"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = bytes.AsSpan(10 + (i * 12));
            var (tag, type, value) = entries[i];
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], 1);
            if (type == 3)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)value);
            }
            else
            {
                BinaryPrimitives.WriteUInt32LittleEndian(at[8..], tag == 273 ? (uint)dataOffset : value);
            }
        }

        bytes[dataOffset] = 0xAA;
        return bytes;
    }
}
