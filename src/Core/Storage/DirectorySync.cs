using System.Runtime.InteropServices;

namespace ContactCenter.Core.Storage;

/// <summary>
/// A new or renamed file is durable only once its directory entry is: on Linux that takes an fsync of the directory,
/// which .NET does not offer (it refuses to open a directory as a file). On Windows NTFS journals the metadata and
/// there is nothing to do. glibc's soname is named explicitly: a bare "libc" resolves to the libc.so linker script
/// of libc6-dev, which a production machine need not have.
/// </summary>
internal static partial class DirectorySync
{
    private const string LibC = "libc.so.6";
    private const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC, same value on x86-64 and arm64

    public static void Flush(string directory)
    {
        if (OperatingSystem.IsLinux())
        {
            OnDescriptor(directory, FSync, $"Cannot open directory '{directory}' to flush it", $"fsync of directory '{directory}' failed");
        }
    }

    /// <summary>
    /// Flushes every dirty file and directory entry of the filesystem holding <paramref name="path"/> (Linux syncfs):
    /// one call makes a whole batch of archived blobs durable, where an fsync per blob costs a disk flush each.
    /// </summary>
    public static void FlushFileSystem(string path)
    {
        if (OperatingSystem.IsLinux() && Directory.Exists(path))
        {
            OnDescriptor(path, SyncFs, $"Cannot open '{path}' to flush its filesystem", $"syncfs of '{path}' failed");
        }
    }

    /// <summary>Opens <paramref name="path"/> read-only, runs <paramref name="call"/> on its descriptor, closes it.</summary>
    private static void OnDescriptor(string path, Func<int, int> call, string openFailed, string callFailed)
    {
        var fd = Open(path, OpenReadOnlyCloseOnExec);
        if (fd < 0)
        {
            throw new IOException($"{openFailed} (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (call(fd) != 0)
            {
                throw new IOException($"{callFailed} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport(LibC, EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport(LibC, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    private static partial int FSync(int fd);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
