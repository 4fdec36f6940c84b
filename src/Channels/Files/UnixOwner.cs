using System.Runtime.InteropServices;

namespace ContactCenter.Channels.Files;

/// <summary>
/// Who owns a file, and handing a file root wrote to that owner: an admin runs <c>channels check</c> as root (only root
/// reads the credentials folder), and what it saves in the data folder must stay readable by the service's user.
/// </summary>
internal static partial class UnixOwner
{
    public static bool IsRoot => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>The owner and group of <paramref name="path"/> (links followed), or null when it cannot be read.</summary>
    public static (uint Uid, uint Gid)? Of(string path) => UnixFileApi.OwnerOf(path);

    /// <summary>Gives <paramref name="path"/> to <paramref name="owner"/>; false with errno left when refused.</summary>
    public static bool Give(string path, (uint Uid, uint Gid) owner) => Chown(path, owner.Uid, owner.Gid) == 0;

    [LibraryImport("libc.so.6", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint owner, uint group);
}
