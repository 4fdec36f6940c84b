using System.Globalization;

namespace ContactCenter.Core.Storage.Archive;

/// <summary>
/// The archive's leaf directories (<c>ab/cd</c>, 65,536 of them) this process has made or found, one bit each, so a
/// blob's rename is not preceded by a mkdir that almost always finds the directory there. Races only cost an extra mkdir.
/// </summary>
internal sealed class KnownLeafDirectories
{
    private readonly int[] _bits = new int[65536 / 32];

    /// <summary>The leaf's number from the first four hex digits of a validated lower-case digest.</summary>
    public static int IndexOf(string sha256) => int.Parse(sha256.AsSpan(0, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    public bool Contains(int index) => (Volatile.Read(ref _bits[index >> 5]) & (1 << (index & 31))) != 0;

    public void Add(int index) => Interlocked.Or(ref _bits[index >> 5], 1 << (index & 31));
}
