namespace ContactCenter.Channels.Email;

/// <summary>A half-open range [Start, End) of byte offsets in a file.</summary>
internal readonly record struct ByteRange(long Start, long End)
{
    public long Length => End - Start;
}
