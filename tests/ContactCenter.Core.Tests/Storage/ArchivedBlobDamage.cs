using ContactCenter.Core.Storage.Archive;

namespace ContactCenter.Core.Tests.Storage;

/// <summary>Damage the way a disk does it quietly: the size stays, so only a hash can tell.</summary>
internal static class ArchivedBlobDamage
{
    /// <summary>Flips the last byte of the blob <paramref name="sha256"/> under an archive root laid out as the archive lays it out.</summary>
    public static void FlipLastByte(string root, string sha256)
    {
        var path = ContentArchive.PathIn(root, sha256);
        var bytes = File.ReadAllBytes(path);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }
}
