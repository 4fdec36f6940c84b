using System.Buffers.Binary;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// An archive name as its 32 bytes, compared in the order of its lowercase hex text (big-endian words), so sorting keys
/// sorts names without making them.
/// </summary>
internal readonly record struct Sha256Key(ulong A, ulong B, ulong C, ulong D) : IComparable<Sha256Key>
{
    public static bool TryParse(string text, out Sha256Key key)
    {
        if (!Sha256Hex.IsValid(text))
        {
            key = default;
            return false;
        }

        Span<byte> bytes = stackalloc byte[32];
        Convert.FromHexString(text, bytes, out _, out _); // 64 hex digits: 32 bytes, always whole
        key = new Sha256Key(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]), BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]));
        return true;
    }

    public int CompareTo(Sha256Key other)
    {
        var order = A.CompareTo(other.A);
        order = order != 0 ? order : B.CompareTo(other.B);
        order = order != 0 ? order : C.CompareTo(other.C);
        return order != 0 ? order : D.CompareTo(other.D);
    }

    /// <summary>The name as the archive writes it: 64 lowercase hex digits.</summary>
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, A);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], B);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], C);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], D);
        return Convert.ToHexStringLower(bytes);
    }
}
