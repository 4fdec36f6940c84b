using System.Text;
using MimeKit.Tnef;

namespace ContactCenter.Channels.Tests.Email;

/// <summary>
/// Hand-assembles a TNEF stream (winmail.dat) as Outlook writes it: signature, key, then attributes of
/// level, tag, length, data and a 16-bit byte-sum checksum. MimeKit 4.18 has a reader but no writer.
/// </summary>
internal sealed class TnefBuilder
{
    private const uint Signature = 0x223E9F78;
    private const byte MessageLevel = 1;
    private const byte AttachmentLevel = 2;

    private readonly MemoryStream stream = new();
    private readonly BinaryWriter writer;

    public TnefBuilder()
    {
        writer = new BinaryWriter(stream);
        writer.Write(Signature);
        writer.Write((ushort)0x0101);
        Attribute(MessageLevel, TnefAttributeTag.TnefVersion, BitConverter.GetBytes(0x00010000u));
        Attribute(MessageLevel, TnefAttributeTag.OemCodepage, [.. BitConverter.GetBytes(1252u), .. BitConverter.GetBytes(0u)]);
    }

    public TnefBuilder Body(string text)
    {
        Attribute(MessageLevel, TnefAttributeTag.Body, Encoding.GetEncoding(1252).GetBytes(text + "\0"));
        return this;
    }

    public TnefBuilder Attachment(string title, byte[] data)
    {
        Attribute(AttachmentLevel, TnefAttributeTag.AttachRenderData, new byte[14]);
        Attribute(AttachmentLevel, TnefAttributeTag.AttachTitle, Encoding.GetEncoding(1252).GetBytes(title + "\0"));
        Attribute(AttachmentLevel, TnefAttributeTag.AttachData, data);
        return this;
    }

    public byte[] ToArray()
    {
        writer.Flush();
        return stream.ToArray();
    }

    private void Attribute(byte level, TnefAttributeTag tag, byte[] data)
    {
        writer.Write(level);
        writer.Write((uint)tag);
        writer.Write((uint)data.Length);
        writer.Write(data);
        ushort checksum = 0;
        foreach (var b in data)
        {
            checksum += b;
        }

        writer.Write(checksum);
    }
}
