namespace ContactCenter.Channels.Email;

/// <summary>
/// Where large messages are spooled: <c>{DataDirectory}/spool</c> once the store's folder is known (the service's
/// data, on its disk and under its permissions, not a shared /tmp that PrivateTmp or a reboot empties and a crash
/// fills), the system temp folder until then (tests, the fuzzer). Spools are unlinked as soon as they are created
/// (deleted on close on Windows), so a crash leaves none; leftovers of older versions are removed at start.
/// </summary>
internal static class MessageSpoolFolder
{
    public const string FilePrefix = "cc-mail-";
    private static string? current;

    /// <summary>The prepared folder, or the system temp folder when none was prepared or it has been removed since.</summary>
    public static string Current => current is { } folder && Directory.Exists(folder) ? folder : Path.GetTempPath();

    /// <summary>Creates the spool folder under <paramref name="dataDirectory"/>, removes leftovers and uses it from now on.</summary>
    public static string Prepare(string dataDirectory)
    {
        var folder = Path.GetFullPath(Path.Combine(dataDirectory, "spool"));
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            // Citizens' mail: the folder is the service account's alone, whatever created it before.
            Directory.CreateDirectory(folder);
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        RemoveLeftovers(folder);
        RemoveLeftovers(Path.GetTempPath());
        current = folder;
        return folder;
    }

    /// <summary>Deletes the spool files a crashed process left in <paramref name="folder"/>; returns how many.</summary>
    public static int RemoveLeftovers(string folder)
    {
        var removed = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, FilePrefix + "*.eml"))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Another process's (another instance, another user in a shared /tmp): not ours to remove.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return removed;
        }

        return removed;
    }
}
