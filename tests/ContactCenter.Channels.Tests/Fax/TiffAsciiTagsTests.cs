using System.Buffers.Binary;
using System.Text;
using ContactCenter.Channels.Fax;
using ContactCenter.Testing;

namespace ContactCenter.Channels.Tests.Fax;

/// <summary>
/// The bounded reader of a TIFF's ASCII tags: what a TIFF library writes is read in both byte orders and in BigTIFF,
/// and what lies outside its bounds (a value past the end, a count over the limit, a directory of 65,535 entries, a
/// value of another type) reads as missing instead of being allocated as declared.
/// </summary>
public sealed class TiffAsciiTagsTests : IDisposable
{
    private const ushort Description = 270, DateTime = 306, Ascii = 2, Short = 3;
    private static readonly string HostileInputs = Path.Combine(RepositoryPaths.Root, "tests", "ContactCenter.Channels.Tests", "Fax", "HostileTags");
    private readonly TempDirectory folder = new("cc-tiff-tags");

    public static TheoryData<string> HostileTiffs => [.. Directory.GetFiles(HostileInputs, "*.tif").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Read_FaxWrittenByATiffLibrary_DescriptionAndDateTime()
    {
        var path = folder.Combine("fax.tif");
        TestFaxTiff.Write(path, "COMUNE DI ROCCA\nCallID1\t+390612345678\nCallID2\tUfficio tecnico", "2026:03:10 23:30:00");
        using var stream = File.OpenRead(path);

        var tags = TiffAsciiTags.Read(stream, Description, DateTime);

        tags.Should().Equal(new Dictionary<ushort, string>
        {
            [Description] = "COMUNE DI ROCCA\nCallID1\t+390612345678\nCallID2\tUfficio tecnico",
            [DateTime] = "2026:03:10 23:30:00",
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Read_EitherByteOrderClassicOrBigTiff_ValuesInlineAndAtOffsets(bool bigEndian, bool bigTiff)
    {
        var bytes = Build(bigEndian, bigTiff, (Description, Ascii, Text("AB")), (DateTime, Ascii, Text("2026:03:10 23:30:00")), (256, Short, [8, 0]));

        var tags = TiffAsciiTags.Read(new MemoryStream(bytes), Description, DateTime);

        tags.Should().Equal(new Dictionary<ushort, string> { [Description] = "AB", [DateTime] = "2026:03:10 23:30:00" },
            "\"AB\\0\" fits in the entry and is stored there; the date is stored at the offset the entry holds");
    }

    [Fact]
    public void Read_ValueOfAnotherType_Missing()
    {
        var bytes = Build(false, false, (Description, 7, Text("COMUNE")), (DateTime, Ascii, Text("2026:03:10 23:30:00")));

        TiffAsciiTags.Read(new MemoryStream(bytes), Description, DateTime).Should().ContainKey(DateTime).And.NotContainKey(Description);
    }

    [Fact]
    public void Read_ValueWithANul_CutThere()
    {
        var bytes = Build(false, false, (Description, Ascii, [.. "COMUNE\0junk"u8, 0]));

        TiffAsciiTags.Read(new MemoryStream(bytes), Description)[Description].Should().Be("COMUNE");
    }

    [Fact]
    public void Read_ValuePastTheEndOfTheFile_Missing()
    {
        var bytes = Build(false, false, (Description, Ascii, Text("COMUNE DI ROCCA")), (DateTime, Ascii, Text("2026:03:10 23:30:00")));
        // The description's value is laid out first, the date's after it: cutting the last bytes leaves the date short.
        var cut = bytes[..^4];

        TiffAsciiTags.Read(new MemoryStream(cut), Description, DateTime).Should().ContainKey(Description).And.NotContainKey(DateTime);
    }

    [Fact]
    public void Read_CountOverTheLimit_MissingAndNotAllocated()
    {
        var bytes = Build(false, false, (Description, Ascii, Text("COMUNE")));
        // The entry's count says 2^31 - 1 bytes: a library allocates that before it finds the file too short.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8 + 2 + 4), int.MaxValue);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var tags = TiffAsciiTags.Read(new MemoryStream(bytes), Description);

        tags.Should().BeEmpty();
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(64 * 1024);
    }

    [Fact]
    public void Read_DirectoryOf65535Entries_NothingRead()
    {
        var bytes = Build(false, false, (Description, Ascii, Text("COMUNE")));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), ushort.MaxValue);

        TiffAsciiTags.Read(new MemoryStream(bytes), Description).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("II")]
    [InlineData("II*\0")]
    [InlineData("%PDF-1.4\n")]
    [InlineData("MM\0*\xff\xff\xff\xf0")]
    public void Read_NotATiffOrCutShort_Empty(string start)
    {
        TiffAsciiTags.Read(new MemoryStream(Encoding.Latin1.GetBytes(start)), Description).Should().BeEmpty();
    }

    /// <summary>The files that made LibTiff.NET throw, and the one that made it take 11 s and 3.7 GB (afl).</summary>
    [Theory]
    [MemberData(nameof(HostileTiffs))]
    public void Read_HostileFaxTiffs_ReturnWithoutThrowing_AndAllocateLittle(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(HostileInputs, name));
        var before = GC.GetAllocatedBytesForCurrentThread();

        var read = () => FaxTiffTagReader.Read(new MemoryStream(bytes), TimeZoneInfo.Utc);

        read.Should().NotThrow();
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(1024 * 1024);
    }

    private static byte[] Text(string value) => [.. Encoding.ASCII.GetBytes(value), 0];

    /// <summary>A header, one directory right after it, then the values that do not fit in their entries, in order.</summary>
    private static byte[] Build(bool bigEndian, bool bigTiff, params (ushort Tag, ushort Type, byte[] Value)[] entries)
    {
        var (header, countSize, entrySize, fieldSize) = bigTiff ? (16, 8, 20, 8) : (8, 2, 12, 4);
        var valuesAt = header + countSize + (entries.Length * entrySize) + fieldSize;
        var outside = entries.Where(e => e.Value.Length > fieldSize).Sum(e => e.Value.Length);
        var bytes = new byte[valuesAt + outside];
        var span = bytes.AsSpan();
        (bigEndian ? "MM"u8 : "II"u8).CopyTo(span);
        Write(span[2..], bigTiff ? 43 : 42, 2, bigEndian);
        if (bigTiff)
        {
            Write(span[4..], 8, 2, bigEndian);
            Write(span[8..], header, 8, bigEndian);
        }
        else
        {
            Write(span[4..], header, 4, bigEndian);
        }

        Write(span[header..], entries.Length, countSize, bigEndian);
        var next = valuesAt;
        for (var i = 0; i < entries.Length; i++)
        {
            var (tag, type, value) = entries[i];
            var entry = span[(header + countSize + (i * entrySize))..];
            Write(entry, tag, 2, bigEndian);
            Write(entry[2..], type, 2, bigEndian);
            Write(entry[4..], value.Length, fieldSize, bigEndian);
            var field = entry[(4 + fieldSize)..];
            if (value.Length <= fieldSize)
            {
                value.CopyTo(field);
            }
            else
            {
                Write(field, next, fieldSize, bigEndian);
                value.CopyTo(span[next..]);
                next += value.Length;
            }
        }

        return bytes;
    }

    private static void Write(Span<byte> at, long value, int size, bool bigEndian)
    {
        switch (size, bigEndian)
        {
            case (2, true): BinaryPrimitives.WriteUInt16BigEndian(at, (ushort)value); break;
            case (2, false): BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value); break;
            case (4, true): BinaryPrimitives.WriteUInt32BigEndian(at, (uint)value); break;
            case (4, false): BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)value); break;
            case (8, true): BinaryPrimitives.WriteUInt64BigEndian(at, (ulong)value); break;
            default: BinaryPrimitives.WriteUInt64LittleEndian(at, (ulong)value); break;
        }
    }
}
