using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Files;

/// <summary>
/// Who owns a file, and handing a file root wrote to that owner: an admin runs <c>channels check</c> as root (only root
/// reads the credentials folder), and what it saves in the data folder must stay readable by the service's user.
/// </summary>
internal static partial class UnixOwner
{
    private const string LibC = "libc.so.6";
    private const int AtFdCwd = -100;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int StatxBufferSize = 256;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    /// <summary>The owner and group of <paramref name="path"/> (links followed), or null when it cannot be read.</summary>
    public static unsafe (uint Uid, uint Gid)? Of(string path)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        return Statx(AtFdCwd, path, 0, StatxUid | StatxGid, buffer) != 0
            ? null
            : (*(uint*)(buffer + StatxUidOffset), *(uint*)(buffer + StatxGidOffset));
    }

    /// <summary>Gives <paramref name="path"/> to <paramref name="owner"/>; false with errno left when refused.</summary>
    public static bool Give(string path, (uint Uid, uint Gid) owner) => Chown(path, owner.Uid, owner.Gid) == 0;

    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);

    [LibraryImport(LibC, EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();
}
