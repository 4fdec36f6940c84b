using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Files;

/// <summary>
/// The few Linux calls .NET does not offer for reading a folder someone else can write to: the type of an entry without
/// opening it (opening a FIFO blocks until a writer comes, a device may act on open), an open that never follows a
/// link nor blocks, an advisory lock that fails instead of waiting, and the real path of a link's target. statx is used
/// rather than stat because its buffer has one layout on every architecture.
/// </summary>
internal static partial class UnixFileApi
{
    private const string LibC = "libc.so.6";
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1;
    private const int StatxBufferSize = 256;
    private const int StatxModeOffset = 28;
    private const uint StatxInode = 0x100;
    private const uint StatxUid = 0x8;
    private const uint StatxGid = 0x10;
    private const int StatxUidOffset = 20;
    private const int StatxGidOffset = 24;
    private const int StatxInodeOffset = 32;
    private const int StatxDevMajorOffset = 136;
    private const int StatxDevMinorOffset = 140;
    private const int OpenNonBlock = 0x800;
    private const int OpenCloseOnExec = 0x80000;
    private const int LockExclusiveNonBlocking = 2 | 4;
    private const int LockSharedNonBlocking = 1 | 4;

    /// <summary>O_NOFOLLOW differs between x86-64 and arm64.</summary>
    private static int OpenNoFollow => RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x8000 : 0x20000;

    /// <summary>
    /// The device and inode of what <paramref name="path"/> names (links followed): the same folder reached by two
    /// spellings (a link, a case-insensitive mount) has one identity. Null when it does not exist.
    /// </summary>
    public static unsafe (uint Major, uint Minor, ulong Inode)? IdentityOf(string path)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        if (StatxNative(AtFdCwd, path, 0, StatxType | StatxInode, buffer) != 0)
        {
            return null;
        }

        return (*(uint*)(buffer + StatxDevMajorOffset), *(uint*)(buffer + StatxDevMinorOffset), *(ulong*)(buffer + StatxInodeOffset));
    }

    /// <summary>The owner and group of what <paramref name="path"/> names (links followed), or null when it cannot be read.</summary>
    public static unsafe (uint Uid, uint Gid)? OwnerOf(string path)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        return StatxNative(AtFdCwd, path, 0, StatxUid | StatxGid, buffer) != 0
            ? null
            : (*(uint*)(buffer + StatxUidOffset), *(uint*)(buffer + StatxGidOffset));
    }

    /// <summary>The type of the entry itself (a link is a link), or null when it is gone.</summary>
    public static FileEntryKind? KindOf(string path) => Statx(AtFdCwd, path, AtSymlinkNoFollow);

    /// <summary>Opens read-only without following a final link and without blocking on a FIFO; -1 with errno on failure.</summary>
    public static int OpenNoFollowNonBlocking(string path) => Open(path, OpenNonBlock | OpenCloseOnExec | OpenNoFollow);

    /// <summary>The type of what an open descriptor refers to.</summary>
    public static FileEntryKind? KindOf(int fd) => Statx(fd, "", AtEmptyPath);

    /// <summary>Takes an advisory lock without waiting; false when another process holds a conflicting one.</summary>
    public static bool TryLock(int fd, bool exclusive) => Flock(fd, exclusive ? LockExclusiveNonBlocking : LockSharedNonBlocking) == 0;

    /// <summary>The absolute path with every link resolved; null when some part of it does not exist.</summary>
    public static string? RealPath(string path)
    {
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    public static int LastError => Marshal.GetLastPInvokeError();

    /// <summary>rename(2): never copies, so it fails with <see cref="CrossDevice"/> between file systems; 0 or -1 with errno.</summary>
    public static int Rename(string from, string to) => RenameNative(from, to);

    public const int CrossDevice = 18;

    public static void CloseDescriptor(int fd) => _ = Close(fd);

    private static unsafe FileEntryKind? Statx(int dirFd, string path, int flags)
    {
        var buffer = stackalloc byte[StatxBufferSize];
        if (StatxNative(dirFd, path, flags, StatxType, buffer) != 0)
        {
            return null;
        }

        var mode = *(ushort*)(buffer + StatxModeOffset);
        return (mode & 0xF000) switch
        {
            0x8000 => FileEntryKind.Regular,
            0x4000 => FileEntryKind.Directory,
            0xA000 => FileEntryKind.SymbolicLink,
            0x1000 => FileEntryKind.Fifo,
            0xC000 => FileEntryKind.Socket,
            0x2000 => FileEntryKind.CharacterDevice,
            0x6000 => FileEntryKind.BlockDevice,
            _ => FileEntryKind.Other,
        };
    }

    [LibraryImport(LibC, EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int StatxNative(int dirFd, string path, int flags, uint mask, byte* buffer);

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameNative(string from, string to);

    [LibraryImport(LibC, EntryPoint = "flock", SetLastError = true)]
    private static partial int Flock(int fd, int operation);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    [LibraryImport(LibC, EntryPoint = "realpath", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    [LibraryImport(LibC, EntryPoint = "free")]
    private static partial void Free(IntPtr pointer);
}
