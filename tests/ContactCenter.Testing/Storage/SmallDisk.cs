using System.Globalization;

namespace ContactCenter.Testing.Storage;

/// <summary>
/// A file system that really fills: a tmpfs of a given size mounted on a fresh temp folder, grown later as an admin
/// frees space. Mounting needs root, which the test setup has (its Dovecot and PostgreSQL need it too).
/// </summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private readonly TempDirectory _folder;

    private SmallDisk(TempDirectory folder) => _folder = folder;

    public string Path => _folder.Path;

    public string Combine(params string[] parts) => _folder.Combine(parts);

    public static async Task<SmallDisk> MountAsync(long bytes)
    {
        var folder = new TempDirectory("cc-small-disk");
        try
        {
            await RunAsync("mount", "-t", "tmpfs", "-o", Size(bytes), "tmpfs", folder.Path);
            return new SmallDisk(folder);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>What an admin does when the disk is full: room is made, and what holds files there keeps them open.</summary>
    public Task GrowAsync(long bytes) => RunAsync("mount", "-o", "remount," + Size(bytes), Path);

    /// <summary>Leaves <paramref name="bytes"/> free over what is used now (a disk that something else filled).</summary>
    public Task LeaveFreeAsync(long bytes)
    {
        var drive = new DriveInfo(Path);
        return GrowAsync(drive.TotalSize - drive.AvailableFreeSpace + bytes);
    }

    public async ValueTask DisposeAsync()
    {
        // A plain unmount, so that the folder can go too; lazily only when something still holds a file there.
        var unmounted = await ProcessRunner.RunAsync("umount", [Path], TimeSpan.FromSeconds(30));
        if (unmounted.ExitCode != 0)
        {
            await RunAsync("umount", "--lazy", Path);
        }

        _folder.Dispose();
    }

    private static string Size(long bytes) => "size=" + bytes.ToString(CultureInfo.InvariantCulture);

    private static async Task RunAsync(string command, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(command, arguments, TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{command} {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.StandardError.Trim()} (a small disk needs root, as scripts/test.sh runs)");
        }
    }
}
