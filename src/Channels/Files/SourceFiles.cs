using ContactCenter.Core.Intake;
using Microsoft.Win32.SafeHandles;

namespace ContactCenter.Channels.Files;

/// <summary>
/// Opens a file channel's files the way someone who can write the folder cannot abuse: regular files only (a FIFO
/// would block the poll for ever, a device could be read without end), symbolic links only when allowed and resolving
/// inside the folder (else any file the service account can read becomes a ticket), every read bounded in time.
/// The type is checked before opening and again on the open descriptor, so swapping the entry in between gains nothing.
/// </summary>
internal static class SourceFiles
{
    private const int BufferSize = 1 << 16;
    private const int NoSuchFile = 2;
    private const int PermissionDenied = 13;
    private const int TooManyLinks = 40;

    /// <summary>Why the entry is not read, or null when it is a regular file (or an allowed link to one).</summary>
    public static string? Refusal(string path, SourceFileRules rules) => Resolve(path, rules).Refusal;

    /// <summary>True when the file at <paramref name="path"/> is still the one a poll saw (not rewritten or replaced since).</summary>
    public static bool IsUnchanged(string path, long size, DateTime lastWriteUtc)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == size && LastWriteUtc(info) == lastWriteUtc;
    }

    /// <summary>
    /// The entry's modification time; <see cref="DateTime.MinValue"/> for one .NET cannot hold (after year 9999 or
    /// before year 1: an SMB share or tmpfs keeps what a client set). <see cref="FileSystemInfo.LastWriteTimeUtc"/>
    /// throws for those at every read, which failed every poll of the folder on that one file. The stand-in stays the
    /// same from poll to poll, so a file that does not change still reads as unchanged.
    /// </summary>
    public static DateTime LastWriteUtc(FileSystemInfo entry)
    {
        try
        {
            return entry.LastWriteTimeUtc;
        }
        catch (ArgumentOutOfRangeException)
        {
            return DateTime.MinValue;
        }
    }

    /// <summary>True when the entry itself exists, whatever it is (a dangling link too).</summary>
    public static bool EntryExists(string path) =>
        OperatingSystem.IsLinux() ? UnixFileApi.KindOf(path) is not null : File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>
    /// Opens the file for reading, each read limited to <see cref="SourceFileRules.ReadTimeout"/>. Null when
    /// <paramref name="exclusive"/> and a writer still holds its lock. A refused entry throws
    /// <see cref="InboundItemRejectedException"/>; a vanished one <see cref="FileNotFoundException"/>.
    /// </summary>
    public static Stream? TryOpenRead(string path, SourceFileRules rules, bool exclusive)
    {
        var (target, refusal) = Resolve(path, rules);
        if (refusal is not null)
        {
            throw new InboundItemRejectedException(refusal);
        }

        var stream = OperatingSystem.IsLinux() ? OpenUnix(path, target!, exclusive) : OpenOther(target!, exclusive);
        return stream is null ? null : new TimedReadStream(stream, rules.ReadTimeout, Path.GetFileName(path), rules.ReadTimeoutKey);
    }

    /// <summary>Opens for reading or throws: for an item's original, which must be readable when the item was offered.</summary>
    public static Stream OpenRead(string path, SourceFileRules rules) =>
        TryOpenRead(path, rules, exclusive: false) ?? throw new IOException($"{Path.GetFileName(path)} is locked by another process.");

    private static FileStream? OpenUnix(string path, string target, bool exclusive)
    {
        var fd = UnixFileApi.OpenNoFollowNonBlocking(target);
        if (fd < 0)
        {
            var errno = UnixFileApi.LastError;
            throw errno switch
            {
                NoSuchFile => new FileNotFoundException($"{Path.GetFileName(path)} vanished.", path),
                PermissionDenied => new UnauthorizedAccessException($"{Path.GetFileName(path)} cannot be read: permission denied."),
                TooManyLinks => new InboundItemRejectedException($"{Path.GetFileName(path)} was replaced by a symbolic link while being read."),
                _ => new IOException($"{Path.GetFileName(path)} cannot be opened (errno {errno})."),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            if (UnixFileApi.KindOf(fd) is var kind and not FileEntryKind.Regular)
            {
                throw new InboundItemRejectedException(NotRegular(path, kind));
            }

            if (exclusive && !UnixFileApi.TryLock(fd, exclusive: true))
            {
                handle.Dispose();
                return null;
            }

            return new FileStream(handle, FileAccess.Read, BufferSize, isAsync: false);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FileStream? OpenOther(string target, bool exclusive)
    {
        try
        {
            return new FileStream(target, FileMode.Open, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite, BufferSize, FileOptions.Asynchronous);
        }
        catch (IOException ex) when (exclusive && ex is not FileNotFoundException)
        {
            return null;
        }
    }

    private static (string? Target, string? Refusal) Resolve(string path, SourceFileRules rules)
    {
        var kind = OperatingSystem.IsLinux()
            ? UnixFileApi.KindOf(path)
            : new FileInfo(path) is { Exists: true } info ? (info.LinkTarget is null ? FileEntryKind.Regular : FileEntryKind.SymbolicLink) : null;
        return kind switch
        {
            null => throw new FileNotFoundException($"{Path.GetFileName(path)} vanished.", path),
            FileEntryKind.Regular => (path, null),
            FileEntryKind.SymbolicLink => ResolveLink(path, rules),
            _ => (null, NotRegular(path, kind)),
        };
    }

    private static (string? Target, string? Refusal) ResolveLink(string path, SourceFileRules rules)
    {
        var name = Path.GetFileName(path);
        if (!rules.FollowSymlinks)
        {
            return (null, $"{name} is a symbolic link: links are not followed unless {rules.FollowSymlinksKey} is true.");
        }

        var target = RealPath(path);
        if (target is null)
        {
            return (null, $"{name} is a symbolic link to nothing.");
        }

        var root = Path.TrimEndingDirectorySeparator(RealPath(rules.Root) ?? Path.GetFullPath(rules.Root)) + Path.DirectorySeparatorChar;
        if (!target.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
        {
            return (null, $"{name} is a symbolic link resolving outside the channel's folder ({rules.FollowSymlinksKey} follows links inside it only).");
        }

        var kind = OperatingSystem.IsLinux() ? UnixFileApi.KindOf(target) : FileEntryKind.Regular;
        return kind == FileEntryKind.Regular ? (target, null) : (null, NotRegular(path, kind));
    }

    private static string? RealPath(string path) =>
        OperatingSystem.IsLinux() ? UnixFileApi.RealPath(path) : File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);

    private static string NotRegular(string path, FileEntryKind? kind) =>
        $"{Path.GetFileName(path)} is {Describe(kind)}, not a regular file: a file channel reads regular files only.";

    private static string Describe(FileEntryKind? kind) => kind switch
    {
        FileEntryKind.Fifo => "a FIFO (named pipe)",
        FileEntryKind.Socket => "a socket",
        FileEntryKind.CharacterDevice => "a character device",
        FileEntryKind.BlockDevice => "a block device",
        FileEntryKind.Directory => "a directory",
        FileEntryKind.SymbolicLink => "a symbolic link",
        null => "gone",
        _ => "a special file",
    };
}
