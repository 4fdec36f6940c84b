using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ContactCenter.Workers.Tests.Corpus;

/// <summary>Small files that claim to be huge or lie about their structure.</summary>
internal static class HostileArchives
{
    /// <summary>
    /// A zip of one entry whose headers declare 4 GiB of content, with a small deflate stream of zeros: unpacking it
    /// would be a bomb, archiving it as an attachment costs its few kilobytes.
    /// </summary>
    public static byte[] ZipBomb()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = archive.CreateEntry("zeros.bin", CompressionLevel.SmallestSize);
            entry.LastWriteTime = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
            using var stream = entry.Open();
            stream.Write(new byte[1024 * 1024]);
        }

        var bytes = zip.ToArray();
        PatchSizes(bytes, localHeader: 0x04034b50, sizeOffset: 22);
        PatchSizes(bytes, localHeader: 0x02014b50, sizeOffset: 24);
        return bytes;
    }

    /// <summary>A winmail.dat whose attributes declare lengths far beyond the data that follows.</summary>
    public static byte[] TnefWithBogusLengths()
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write(0x223E9F78u); // signature
        writer.Write((ushort)0x0101);
        Attribute(writer, level: 1, tag: 0x00089006, declaredLength: 4, data: BitConverter.GetBytes(0x00010000u)); // TnefVersion
        Attribute(writer, level: 2, tag: 0x00069002, declaredLength: 14, data: new byte[14]); // AttachRenderData
        Attribute(writer, level: 2, tag: 0x00018010, declaredLength: 0x7FFF_FFF0, data: Encoding.ASCII.GetBytes("bomba.txt\0")); // AttachTitle
        Attribute(writer, level: 2, tag: 0x0006800F, declaredLength: uint.MaxValue, data: new byte[64]); // AttachData
        writer.Flush();
        return stream.ToArray();
    }

    private static void Attribute(BinaryWriter writer, byte level, uint tag, uint declaredLength, byte[] data)
    {
        writer.Write(level);
        writer.Write(tag);
        writer.Write(declaredLength);
        writer.Write(data);
        writer.Write((ushort)0);
    }

    private static void PatchSizes(byte[] bytes, uint localHeader, int sizeOffset)
    {
        for (var i = 0; i + sizeOffset + 4 <= bytes.Length; i++)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i)) == localHeader)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i + sizeOffset), 0xFFFF_FFF0); // uncompressed size
            }
        }
    }
}
